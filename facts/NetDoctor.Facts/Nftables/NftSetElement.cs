namespace NetDoctor.Facts;

/// <summary>
/// One element of an nft set or map: the key as printed ("10.20.0.1 . tcp . 443", "192.168.0.0/16") and, in a map, the
/// value ("goto service-2QRHZV4L-default/kubernetes/tcp/https"). <see cref="Cidr"/> is the key when it is one address or prefix.
/// </summary>
public sealed record NftSetElement : Fact
{
    public required string Family { get; init; }
    public required string Table { get; init; }
    public required string Set { get; init; }
    public required string Key { get; init; }
    public string? Value { get; init; }
    public Cidr? Cidr { get; init; }

    public override string Summary => $"nft {Table} {Set} element {Key}" + (Value is null ? "" : $" : {Value}");
}
