namespace NetDoctor.Facts;

/// <summary>
/// One line of BIRD's `show protocols` (every protocol, not only BGP: device, kernel, direct, static...).
/// BGP sessions are additionally reported as <see cref="BgpPeer"/> when their peer address is known.
/// </summary>
public sealed record BirdProtocol : Fact
{
    public required string Name { get; init; }
    /// <summary>The protocol column ("BGP", "Kernel", "Device", "Direct", "Static", "Pipe").</summary>
    public required string Protocol { get; init; }
    /// <summary>The table column ("master", "master4"); "---" in BIRD 2 for protocols without a channel is kept as null.</summary>
    public string? Table { get; init; }
    public BirdProtocolState State { get; init; }
    public string StateText { get; init; } = "";
    public string Since { get; init; } = "";
    public string Info { get; init; } = "";

    public bool IsBgp => Protocol.Equals("BGP", StringComparison.OrdinalIgnoreCase);

    public override string Summary => $"BIRD {Protocol} {Name} {StateText} {Info}".TrimEnd();
}
