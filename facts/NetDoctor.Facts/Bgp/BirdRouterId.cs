using System.Net;

namespace NetDoctor.Facts;

/// <summary>"router id X;" of a BIRD configuration: Calico sets it to the node's IPv4 BGP address (or a hash of the node name).</summary>
public sealed record BirdRouterId : Fact
{
    public required string Text { get; init; }
    public IPAddress? Address { get; init; }

    public override string Summary => $"BIRD router id {Text}";
}
