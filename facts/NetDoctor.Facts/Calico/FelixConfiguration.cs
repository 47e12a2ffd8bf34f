namespace NetDoctor.Facts;

/// <summary>
/// A Calico FelixConfiguration: a few typed fields rules look at, plus every scalar spec field verbatim in <see cref="Raw"/>
/// (Felix has well over a hundred settings; a rule about a rare one reads the dictionary).
/// </summary>
public sealed record FelixConfiguration : Fact
{
    public required string Name { get; init; }
    public string? IptablesBackend { get; init; }
    public bool? BpfEnabled { get; init; }
    public bool? IpipEnabled { get; init; }
    public bool? VxlanEnabled { get; init; }
    public string? LogSeverityScreen { get; init; }
    public string? DefaultEndpointToHostAction { get; init; }
    /// <summary>Scalar spec fields by their YAML name ("iptablesBackend" -> "NFT"); nested fields as "a.b".</summary>
    public IReadOnlyDictionary<string, string> Raw { get; init; } = new Dictionary<string, string>();

    public override string Summary => $"FelixConfiguration {Name}" + (IptablesBackend is { } b ? $" iptablesBackend {b}" : "") + (BpfEnabled == true ? " bpf" : "");
}
