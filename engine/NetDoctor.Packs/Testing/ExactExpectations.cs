using System.Text.RegularExpressions;
using NetDoctor.Packs.Diagnoses;
using NetDoctor.Packs.Model;
using NetDoctor.Packs.Types;

namespace NetDoctor.Packs.Testing;

/// <summary>
/// `expect.diagnoses` and `expect.derives`: the produced set must equal the expected set. Each expected entry takes one
/// produced item it describes (entries with an exact message first, so a loose regex cannot take another entry's
/// diagnosis); what is left on either side is reported, a missing entry with the closest produced item and how it differs.
/// </summary>
internal static class ExactExpectations
{
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(1);

    /// <summary>The diagnoses compared: those of the tested rule and of every rule an entry names.</summary>
    public static IReadOnlyList<Diagnosis> InScope(RuleTestDocument test, IEnumerable<Diagnosis> all)
    {
        var rules = test.Expect.Diagnoses!.Select(e => e.Rule ?? test.Rule).Append(test.Rule).ToHashSet(StringComparer.Ordinal);
        return all.Where(d => rules.Contains(d.RuleId)).ToList();
    }

    public static void CheckDiagnoses(RuleTestDocument test, IReadOnlyList<Diagnosis> produced, List<string> failures)
    {
        var left = produced.ToList();
        var missing = new List<ExpectedDiagnosis>();
        foreach (var expected in test.Expect.Diagnoses!.OrderBy(e => e.Message is null ? 1 : 0))
        {
            int at = left.FindIndex(d => Differences(test, expected, d).Count == 0);
            if (at >= 0) left.RemoveAt(at);
            else missing.Add(expected);
        }
        foreach (var expected in missing)
        {
            string line = $"missing diagnosis ({expected.Mark}): {Describe(test, expected)}";
            var closest = left.Select(d => (d, Differences(test, expected, d))).OrderBy(x => x.Item2.Count).FirstOrDefault();
            if (closest.d is not null && closest.Item2.Count <= 2)
                line += $"\n  closest produced ({closest.d.RuleId} on {closest.d.Node ?? "no node"}) differs in " + string.Join("\n  and in ", closest.Item2);
            failures.Add(line);
        }
        foreach (var extra in left)
            failures.Add($"unexpected diagnosis: {{rule: {extra.RuleId}, node: {Quote(extra.Node)}, severity: {Severity(extra)}, message: {Quote(extra.Message)}}}");
    }

    public static void CheckDerives(RuleTestDocument test, IReadOnlyList<DerivedFact> produced, List<string> failures)
    {
        var left = produced.ToList();
        var missing = new List<ExpectedDerivedFact>();
        foreach (var expected in test.Expect.Derives!)
        {
            if (produced.FirstOrDefault(f => f.TypeName == expected.Fact) is { } sample)
            {
                foreach (var (name, _, mark) in expected.Fields.Where(x => sample.Fields.All(f => f.Key != x.Name)))
                    failures.Add($"{mark}: {expected.Fact} has no field '{name}'" + DidYouMean.Hint(name, sample.Fields.Select(f => f.Key)));
            }

            int at = left.FindIndex(f => Differences(expected, f).Count == 0);
            if (at >= 0) left.RemoveAt(at);
            else missing.Add(expected);
        }
        foreach (var expected in missing)
        {
            string line = $"missing derived fact ({expected.Mark}): {expected.Fact} " + string.Join(" ", expected.Fields.Select(f => $"{f.Name}={f.Value}"));
            var closest = left.Select(f => (f, Differences(expected, f))).OrderBy(x => x.Item2.Count).FirstOrDefault();
            if (closest.f is not null && closest.Item2.Count <= 2)
                line += "\n  closest produced differs in " + string.Join("\n  and in ", closest.Item2);
            failures.Add(line);
        }
        foreach (var extra in left)
        {
            failures.Add($"unexpected derived fact: {{fact: {extra.TypeName}, node: {Quote(extra.Node)}, fields: {{"
                + string.Join(", ", extra.Fields.Select(f => $"{f.Key}: {Quote(FieldText(f.Value))}")) + "}}");
        }
    }

    /// <summary>A field value the way tests write it: as facts and evidence show it, booleans in YAML's lower case.</summary>
    public static string FieldText(object? value) => value is bool b ? (b ? "true" : "false") : DerivedFact.Format(value);

    private static List<string> Differences(RuleTestDocument test, ExpectedDiagnosis e, Diagnosis d)
    {
        var result = new List<string>();
        string rule = e.Rule ?? test.Rule;
        if (rule != d.RuleId) result.Add($"rule: expected {rule}, produced {d.RuleId}");
        if (e.HasNode && e.Node != d.Node) result.Add($"node: expected {e.Node ?? "null"}, produced {d.Node ?? "null"}");
        if (e.Severity is { } severity && !string.Equals(severity, Severity(d), StringComparison.OrdinalIgnoreCase))
            result.Add($"severity: expected {severity}, produced {Severity(d)}");
        if (e.Title is { } title && title != d.Title) result.Add($"title: expected \"{title}\", produced \"{d.Title}\"");
        if (e.Message is { } message && message != d.Message) result.Add("message: " + TextDiff(message, d.Message));
        if (e.MessageMatches is { } pattern && !WholeMatch(pattern, d.Message))
            result.Add($"message: /{pattern}/ does not match the whole of \"{d.Message}\"");
        if (e.Remediation is { } steps)
        {
            if (steps.Count != d.Remediation.Count) result.Add($"remediation: expected {steps.Count} step(s), produced {d.Remediation.Count}");
            for (int i = 0; i < Math.Min(steps.Count, d.Remediation.Count); i++)
            {
                if (steps[i].Description != d.Remediation[i].Description) result.Add($"remediation step {i + 1} description: " + TextDiff(steps[i].Description, d.Remediation[i].Description));
                if (steps[i].Command != d.Remediation[i].Command) result.Add($"remediation step {i + 1} command: " + TextDiff(steps[i].Command ?? "(none)", d.Remediation[i].Command ?? "(none)"));
            }
        }
        return result;
    }

    private static List<string> Differences(ExpectedDerivedFact e, DerivedFact f)
    {
        var result = new List<string>();
        if (e.Fact != f.TypeName) result.Add($"type: expected {e.Fact}, produced {f.TypeName}");
        if (e.HasNode && e.Node != f.Node) result.Add($"node: expected {e.Node ?? "null"}, produced {f.Node ?? "null"}");
        foreach (var (name, value, _) in e.Fields)
        {
            var field = f.Fields.FirstOrDefault(x => x.Key == name);
            if (field.Key is null) result.Add($"{name}: no such field");
            else if (!SameValue(value, field.Value)) result.Add($"{name}: " + TextDiff(value, FieldText(field.Value)));
        }
        return result;
    }

    private static bool SameValue(string expected, object? value) =>
        value is bool ? string.Equals(expected, FieldText(value), StringComparison.OrdinalIgnoreCase) : expected == FieldText(value);

    private static bool WholeMatch(string pattern, string text)
    {
        try
        {
            return Regex.IsMatch(text, $"^(?:{pattern})$", RegexOptions.Singleline | RegexOptions.CultureInvariant, RegexTimeout);
        }
        catch (Exception ex) when (ex is ArgumentException or RegexMatchTimeoutException)
        {
            return false;
        }
    }

    /// <summary>
    /// A YAML flow scalar: unexpected items are printed as entries that can be pasted under `expect.diagnoses` or
    /// `expect.derives` once checked (a JSON string is a valid YAML double-quoted scalar).
    /// </summary>
    private static string Quote(string? text) => text is null ? "null" : System.Text.Json.JsonSerializer.Serialize(text, JsonOptions);

    private static readonly System.Text.Json.JsonSerializerOptions JsonOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string Severity(Diagnosis d) => d.Severity.ToString().ToLowerInvariant();

    private static string Describe(RuleTestDocument test, ExpectedDiagnosis e)
    {
        var parts = new List<string> { $"rule {e.Rule ?? test.Rule}" };
        if (e.HasNode) parts.Add($"node {e.Node ?? "null"}");
        if (e.Severity is not null) parts.Add($"severity {e.Severity}");
        if (e.Message is not null) parts.Add($"message \"{e.Message}\"");
        if (e.MessageMatches is not null) parts.Add($"message matching /{e.MessageMatches}/");
        return string.Join(", ", parts);
    }

    /// <summary>Where two texts part: short ones whole, long ones from a little before the first differing character.</summary>
    internal static string TextDiff(string expected, string produced)
    {
        if (expected.Length + produced.Length <= 160) return $"expected \"{expected}\", produced \"{produced}\"";
        int at = 0;
        while (at < expected.Length && at < produced.Length && expected[at] == produced[at]) at++;
        int from = Math.Max(0, at - 30);
        string Clip(string s) => (from > 0 ? "…" : "") + s[from..Math.Min(s.Length, at + 50)] + (s.Length > at + 50 ? "…" : "");
        return $"first difference at character {at + 1}: expected \"{Clip(expected)}\", produced \"{Clip(produced)}\"";
    }
}
