namespace NetDoctor.Facts;

/// <summary>
/// A Calico IPPool (projectcalico.org/v3 from calicoctl, or the crd.projectcalico.org/v1 CRD from kubectl: same fields).
/// Pods get addresses from enabled pools; natOutgoing masquerades pod traffic leaving every pool.
/// </summary>
public sealed record IpPool : Fact
{
    public required string Name { get; init; }
    public required Cidr Cidr { get; init; }
    public CalicoEncapsulation IpipMode { get; init; }
    public CalicoEncapsulation VxlanMode { get; init; }
    public bool NatOutgoing { get; init; }
    public bool Disabled { get; init; }
    /// <summary>Null when unset (Calico then uses 26 for IPv4, 122 for IPv6).</summary>
    public int? BlockSize { get; init; }
    public string? NodeSelector { get; init; }

    public bool Enabled => !Disabled;

    public override string Summary => $"{Name} {Cidr}" + (NatOutgoing ? " natOutgoing" : "") + (Disabled ? " disabled" : "");
}
