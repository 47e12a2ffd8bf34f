using System.Net;

namespace NetDoctor.Facts;

/// <summary>What a cluster-wide network range is for.</summary>
public enum ClusterNetworkRole
{
    /// <summary>Pod addresses (kubeadm podSubnet, k3s cluster-cidr, kops podCIDR / kubeControllerManager.clusterCIDR).</summary>
    Pods,
    /// <summary>ClusterIPs (kubeadm serviceSubnet, k3s service-cidr, kops serviceClusterIPRange).</summary>
    Services,
    /// <summary>kops' nonMasqueradeCIDR: the range holding both pods and services, never masqueraded inside the cluster.</summary>
    NonMasquerade,
}

/// <summary>
/// A network the cluster's own configuration defines (a kubeadm ClusterConfiguration, a k3s/RKE2 config.yaml, a kops
/// cluster spec): the intent the components were set up from, with the setting and line it was read from.
/// </summary>
public sealed record ClusterNetwork : Fact
{
    public required ClusterNetworkRole Role { get; init; }
    /// <summary>The comma-separated CIDRs that parse (dual-stack gives two).</summary>
    public IReadOnlyList<Cidr> Cidrs { get; init; } = [];
    /// <summary>The value as written.</summary>
    public required string Text { get; init; }
    /// <summary>Which tool and setting: "kubeadm ClusterConfiguration networking.podSubnet".</summary>
    public required string Origin { get; init; }

    public bool HasCidr => Cidrs.Count > 0;

    /// <summary>The first CIDR, or 0.0.0.0/32 when none parsed (rules test <see cref="HasCidr"/> first).</summary>
    public Cidr FirstCidr => Cidrs.Count > 0 ? Cidrs[0] : new Cidr(IPAddress.Any, 32);

    /// <summary>The first address of the first range: for a service range, the "kubernetes" Service's ClusterIP.</summary>
    public IPAddress FirstAddress
    {
        get
        {
            var bytes = FirstCidr.NetworkAddress.GetAddressBytes();
            for (int i = bytes.Length - 1; i >= 0 && ++bytes[i] == 0; i--) { }
            return new IPAddress(bytes);
        }
    }

    public override string Summary => $"{Role} network {Text} ({Origin})";
}
