using System.Net;

namespace NetDoctor.Facts;

/// <summary>kube-apiserver's settings that matter to networking: the service CIDR(s) and where it listens.</summary>
public sealed record ApiServerSettings : Fact
{
    public IReadOnlyList<Cidr> ServiceClusterIpRanges { get; init; } = [];
    public string? ServiceClusterIpRangeText { get; init; }
    public IPAddress? AdvertiseAddress { get; init; }
    public int? SecurePort { get; init; }
    public IReadOnlyList<string> AuthorizationModes { get; init; } = [];
    public Source? ServiceClusterIpRangeSource { get; init; }

    /// <summary>The first address of the first service range: the "kubernetes" Service's ClusterIP.</summary>
    public IPAddress? KubernetesServiceIp
    {
        get
        {
            if (ServiceClusterIpRanges.Count == 0) return null;
            var bytes = ServiceClusterIpRanges[0].NetworkAddress.GetAddressBytes();
            for (int i = bytes.Length - 1; i >= 0 && ++bytes[i] == 0; i--) { }
            return new IPAddress(bytes);
        }
    }

    public override string Summary =>
        $"kube-apiserver service-cluster-ip-range {string.Join(",", ServiceClusterIpRanges)}" + (AdvertiseAddress is null ? "" : $" advertise {AdvertiseAddress}");
}
