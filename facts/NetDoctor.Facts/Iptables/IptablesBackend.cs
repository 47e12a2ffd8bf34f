namespace NetDoctor.Facts;

/// <summary>
/// Which kernel interface the rules were read from. Both can be populated at once on a broken node
/// ("# Warning: iptables-legacy tables present"), which is itself worth a diagnosis.
/// </summary>
public enum IptablesBackend
{
    Unknown,
    Legacy,
    Nft,
}
