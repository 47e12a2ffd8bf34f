namespace NetDoctor.Facts;

public enum TargetKind
{
    /// <summary>No -j/-g: the rule only counts.</summary>
    None,
    Accept,
    Drop,
    Reject,
    Return,
    /// <summary>-j USER-CHAIN.</summary>
    Jump,
    /// <summary>-g USER-CHAIN.</summary>
    Goto,
    Mark,
    Masquerade,
    Snat,
    Dnat,
    Log,
    /// <summary>Any other target extension (CT, NOTRACK, TCPMSS, REDIRECT, CONNMARK...).</summary>
    Other,
}

public enum MarkOperation
{
    SetXMark,
    SetMark,
    Or,
    And,
    Xor,
}

/// <summary>
/// What a rule does: the target name as written and its typed arguments. Options not modelled here are kept
/// verbatim in <see cref="Options"/> (e.g. the misspelt "--randomm-fully" of a retyped rule) — never dropped.
/// </summary>
public sealed record IptablesTarget
{
    public static IptablesTarget NoTarget { get; } = new() { Kind = TargetKind.None, Name = "", Text = "" };

    public required TargetKind Kind { get; init; }
    /// <summary>The name after -j/-g: "ACCEPT", "KUBE-MARK-MASQ", "MASQUERADE"...</summary>
    public required string Name { get; init; }
    /// <summary>The target part of the rule as written ("-j MASQUERADE --random-fully").</summary>
    public required string Text { get; init; }

    /// <summary>The chain jumped to (Jump/Goto).</summary>
    public string? Chain => Kind is TargetKind.Jump or TargetKind.Goto ? Name : null;

    public MarkOperation? MarkOperation { get; init; }
    public uint? MarkValue { get; init; }
    public uint? MarkMask { get; init; }

    public bool RandomFully { get; init; }
    public bool Random { get; init; }
    public bool Persistent { get; init; }
    /// <summary>MASQUERADE/REDIRECT --to-ports.</summary>
    public string? ToPorts { get; init; }
    /// <summary>SNAT --to-source (address[-address][:port[-port]]).</summary>
    public string? ToSource { get; init; }
    /// <summary>DNAT --to-destination.</summary>
    public string? ToDestination { get; init; }
    public string? RejectWith { get; init; }
    public string? LogPrefix { get; init; }

    /// <summary>Target options not modelled above, each "--opt value" verbatim.</summary>
    public IReadOnlyList<string> Options { get; init; } = [];

    public override string ToString() => Text;
}
