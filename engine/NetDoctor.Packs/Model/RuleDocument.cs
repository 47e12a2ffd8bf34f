namespace NetDoctor.Packs.Model;

/// <summary>One `kind: Rule` document of a rules/*.yaml file.</summary>
public sealed record RuleDocument(
    string Id,
    string Title,
    string Severity,
    int Priority,
    IReadOnlyList<string> Tags,
    string? Description,
    IReadOnlyList<string> References,
    IReadOnlyList<WhenElement> When,
    DeriveAction? Derive,
    DiagnoseAction? Diagnose,
    SourceMark Mark,
    SourceMark IdMark,
    SourceMark SeverityMark)
{
    /// <summary>`let:`: named expressions in declaration order (later ones may use earlier ones).</summary>
    public IReadOnlyList<LetDocument> Lets { get; init; } = [];
}

/// <summary>`name: expression` under `let:`.</summary>
public sealed record LetDocument(string Name, SourceMark NameMark, Expr Value);

/// <summary>`then.derive`: insert (linked) a fact of a declared derived type with fields computed from the bindings.</summary>
public sealed record DeriveAction(string Fact, SourceMark FactMark, IReadOnlyList<FieldAssignment> Fields, SourceMark Mark);

/// <summary>`Pool: "pool.Name"` inside derive.fields.</summary>
public sealed record FieldAssignment(string Name, SourceMark NameMark, Expr Value);

/// <summary>`then.diagnose`: what the operator reads.</summary>
public sealed record DiagnoseAction(
    Expr? Message,
    IReadOnlyList<(string Name, SourceMark Mark)>? Evidence,
    IReadOnlyList<RemediationDocument> Remediation,
    IReadOnlyList<string> References,
    SourceMark Mark)
{
    /// <summary>`outcomes:` instead of `message:`: the first entry whose `when` holds gives the message.</summary>
    public IReadOnlyList<OutcomeDocument> Outcomes { get; init; } = [];

    /// <summary>The message as its author wrote it: the template, or each outcome as "when …: …" (for explain).</summary>
    public string MessageText => Message?.Text.Trim()
        ?? string.Join("\n", Outcomes.Select(o => (o.When is null ? "otherwise: " : $"when {o.When.Text}: ") + o.Message.Text.Trim()));
}

/// <summary>One `{when, message}` of `outcomes:`; <see cref="When"/> null is the default.</summary>
public sealed record OutcomeDocument(Expr? When, Expr Message, SourceMark Mark);

/// <summary>One remediation step; both texts are templates.</summary>
public sealed record RemediationDocument(Expr Description, Expr? Command);
