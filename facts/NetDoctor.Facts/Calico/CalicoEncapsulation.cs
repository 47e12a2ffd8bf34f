namespace NetDoctor.Facts;

/// <summary>IPPool ipipMode / vxlanMode. Unknown keeps a value Calico added later or a typo (see the raw text on the pool).</summary>
public enum CalicoEncapsulation
{
    Never,
    Always,
    CrossSubnet,
    Unknown,
}

public static class CalicoEncapsulationNames
{
    /// <summary>Case-insensitive; the v1 API's "cross-subnet" and a missing value (= Never) are accepted.</summary>
    public static CalicoEncapsulation Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" or "never" => CalicoEncapsulation.Never,
        "always" => CalicoEncapsulation.Always,
        "crosssubnet" or "cross-subnet" => CalicoEncapsulation.CrossSubnet,
        _ => CalicoEncapsulation.Unknown,
    };
}
