using NetDoctor.Packs.Model;

namespace NetDoctor.Packs.Loading;

/// <summary>
/// Checks that are about conventions rather than types: id prefix, unique ids across every loaded pack, remediation
/// on findings an operator must act on. (Id format and severity values are in the schema; types in the compiler.)
/// </summary>
internal static class Lint
{
    public static void CheckRule(string packName, RuleDocument rule, List<PackDiagnostic> diagnostics)
    {
        string prefix = rule.Id.Split('/')[0];
        if (prefix != packName)
        {
            diagnostics.Add(new PackDiagnostic(DiagnosticSeverity.Error, DiagnosticCodes.IdPrefix, rule.IdMark,
                $"rule id '{rule.Id}' must start with the pack name: '{packName}/{rule.Id.Split('/').Last()}'"));
        }

        bool actionable = !string.Equals(rule.Severity, "info", StringComparison.OrdinalIgnoreCase);
        if (rule.Diagnose is { Remediation.Count: 0 } && actionable)
        {
            diagnostics.Add(new PackDiagnostic(DiagnosticSeverity.Error, DiagnosticCodes.MissingRemediation, rule.Diagnose.Mark,
                $"rule '{rule.Id}' has severity {rule.Severity} but no remediation: add diagnose.remediation with at least one step"));
        }
    }

    public static void CheckIds(IReadOnlyList<LoadedPack> packs, List<PackDiagnostic> diagnostics)
    {
        var seen = new Dictionary<string, SourceMark>(StringComparer.Ordinal);
        foreach (var rule in packs.SelectMany(p => p.Rules))
        {
            if (seen.TryGetValue(rule.Id, out var first))
            {
                diagnostics.Add(new PackDiagnostic(DiagnosticSeverity.Error, DiagnosticCodes.DuplicateId, rule.Document.IdMark,
                    $"duplicate rule id '{rule.Id}' (first defined at {first})"));
            }
            else
            {
                seen[rule.Id] = rule.Document.IdMark;
            }
        }
    }
}
