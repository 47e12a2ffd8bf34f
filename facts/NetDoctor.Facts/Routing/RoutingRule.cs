namespace NetDoctor.Facts;

public enum RoutingRuleAction
{
    Lookup,
    Goto,
    Nop,
    Blackhole,
    Unreachable,
    Prohibit,
}

/// <summary>
/// One policy-routing rule (`ip rule`): a priority, a selector (from/to/fwmark/iif/oif...) and an action
/// (usually "lookup TABLE"). A null <see cref="From"/>/<see cref="To"/> means "all".
/// </summary>
public sealed record RoutingRule : Fact
{
    public int Priority { get; init; }
    /// <summary>The selector is inverted ("not from ...").</summary>
    public bool Not { get; init; }
    public Cidr? From { get; init; }
    public Cidr? To { get; init; }
    public uint? FwMark { get; init; }
    public uint? FwMask { get; init; }
    public string? InputInterface { get; init; }
    public string? OutputInterface { get; init; }
    public RoutingRuleAction Action { get; init; } = RoutingRuleAction.Lookup;
    /// <summary>The table looked up (name as written, e.g. "main", "local", "100").</summary>
    public string? Table { get; init; }
    public int? GotoPriority { get; init; }
    /// <summary>Other selectors/options kept verbatim (tos, ipproto, sport, dport, suppress_prefixlength, uidrange, l3mdev...).</summary>
    public IReadOnlyDictionary<string, string> Options { get; init; } = Route.EmptyOptions;

    public override string Summary =>
        $"{Priority}: {(Not ? "not " : "")}from {(From?.ToString() ?? "all")}" +
        (To is { } to ? $" to {to}" : "") +
        (FwMark is { } m ? $" fwmark 0x{m:x}" + (FwMask is { } k ? $"/0x{k:x}" : "") : "") +
        (InputInterface is null ? "" : $" iif {InputInterface}") +
        (OutputInterface is null ? "" : $" oif {OutputInterface}") +
        Action switch
        {
            RoutingRuleAction.Lookup => $" lookup {Table}",
            RoutingRuleAction.Goto => $" goto {GotoPriority}",
            _ => " " + Action.ToString().ToLowerInvariant(),
        };
}
