namespace NetDoctor.Packs.Vetting.Reporters;

/// <summary>One JUnit test suite: its cases, suite-level properties, and text for system-out (e.g. warnings, notes).</summary>
public sealed record JUnitSuite(string Name, IReadOnlyList<JUnitCase> Cases, IReadOnlyList<KeyValuePair<string, string>> Properties, string SystemOut = "");

/// <summary>One test case; failed when <see cref="Failure"/> is set, else skipped when <see cref="Skipped"/> (the reason) is.</summary>
public sealed record JUnitCase(string ClassName, string Name, double Seconds = 0, JUnitFailure? Failure = null, string? Skipped = null);

/// <summary>
/// Why a case failed: a short type (a diagnostic code or a severity), a one-line message and the details.
/// <paramref name="IsError"/>: written as &lt;error&gt; — the case could not be evaluated (its rule threw) — not &lt;failure&gt;.
/// </summary>
public sealed record JUnitFailure(string Type, string Message, string Details, bool IsError = false);
