using NetDoctor.Packs.Model;

namespace NetDoctor.Packs.Vetting.Reporters;

/// <summary>What each stable vet diagnostic code means, for SARIF's rule table and JUnit's failure types.</summary>
public static class VetCodes
{
    public static string Describe(string code) => code switch
    {
        DiagnosticCodes.YamlSyntax => "The file is not valid YAML.",
        DiagnosticCodes.Schema => "A pack document does not match its JSON Schema (rulepacks/schema).",
        DiagnosticCodes.Io => "A pack folder or file could not be read, or a folder given to vet holds no pack.yaml.",
        DiagnosticCodes.UnknownType => "A rule or a derived fact names a type that does not exist.",
        DiagnosticCodes.TypeCheck => "An expression does not type-check against the fact types.",
        DiagnosticCodes.Sandbox => "An expression reaches something rules may not use (files, processes, reflection).",
        DiagnosticCodes.Template => "A message or remediation template is invalid.",
        DiagnosticCodes.DerivedType => "A derived fact type declaration is invalid or duplicated.",
        DiagnosticCodes.IdFormat => "A rule id is not pack/kebab-name.",
        DiagnosticCodes.IdPrefix => "A rule id does not start with its pack's name.",
        DiagnosticCodes.DuplicateId => "Two rules have the same id.",
        DiagnosticCodes.Severity => "A rule's severity is not info, warning, error or critical.",
        DiagnosticCodes.MissingRemediation => "A rule of severity warning or above has no remediation.",
        DiagnosticCodes.UnusedBinding => "A binding is never used.",
        DiagnosticCodes.DuplicateBinding => "Two patterns bind the same name.",
        DiagnosticCodes.TestInvalid => "A RuleTest document is invalid.",
        DiagnosticCodes.TestFailed => "A RuleTest's expectations were not met.",
        DiagnosticCodes.Coverage => "A rule lacks a passing test where it fires or one where it does not.",
        _ => $"vet finding '{code}'.",
    };
}
