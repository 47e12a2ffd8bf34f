namespace NetDoctor.Packs.Model;

/// <summary>How serious a finding about a pack is. Errors make a pack invalid (and `vet` fail); warnings do not.</summary>
public enum DiagnosticSeverity
{
    Info,
    Warning,
    Error,
}

/// <summary>
/// One finding about a pack file: a YAML syntax error, a schema violation, a type error in an expression, a lint
/// finding. <see cref="Code"/> is a stable slug (used as SARIF rule id and in JUnit/JSON output).
/// </summary>
public sealed record PackDiagnostic(DiagnosticSeverity Severity, string Code, SourceMark Mark, string Message)
{
    public bool IsError => Severity == DiagnosticSeverity.Error;

    public override string ToString() => $"{Mark}: {Message}";
}

/// <summary>Stable diagnostic codes.</summary>
public static class DiagnosticCodes
{
    public const string YamlSyntax = "yaml-syntax";
    public const string Schema = "schema";
    public const string Io = "io";
    public const string UnknownType = "unknown-type";
    public const string TypeCheck = "type-check";
    public const string Sandbox = "sandbox";
    public const string Template = "template";
    public const string DerivedType = "derived-type";
    public const string IdFormat = "id-format";
    public const string IdPrefix = "id-prefix";
    public const string DuplicateId = "duplicate-id";
    public const string Severity = "severity";
    public const string MissingRemediation = "missing-remediation";
    public const string UnusedBinding = "unused-binding";
    public const string DuplicateBinding = "duplicate-binding";
    public const string NoDefaultOutcome = "no-default-outcome";
    public const string TestInvalid = "test-invalid";
    public const string TestFailed = "test-failed";
    public const string Coverage = "coverage";
    public const string Requires = "requires";
    public const string CSharp = "csharp";
    public const string CSharpUntrusted = "csharp-untrusted";
}
