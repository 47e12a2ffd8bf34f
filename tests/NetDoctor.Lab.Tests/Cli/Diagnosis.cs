using System.Text.Json;

namespace NetDoctor.Lab.Tests.Cli;

public sealed record RemediationStep(string Description, string? Command);

/// <summary>One entry of `netdoctor run --format json` "diagnoses" (CONTRACTS §4), the fields the lab checks.</summary>
public sealed record Diagnosis(string RuleId, string Severity, string? Node, string Message, IReadOnlyList<RemediationStep> Remediation)
{
    private static readonly string[] Order = ["info", "warning", "error", "critical"];

    public bool AtLeast(string severity) => Array.IndexOf(Order, Severity) >= Array.IndexOf(Order, severity);

    public static IReadOnlyList<Diagnosis> ParseReport(string json)
    {
        using var doc = JsonDocument.Parse(json);
        if (!doc.RootElement.TryGetProperty("diagnoses", out var list)) return [];
        return list.EnumerateArray().Select(d => new Diagnosis(
            d.GetProperty("ruleId").GetString() ?? "",
            d.TryGetProperty("severity", out var s) ? s.GetString() ?? "" : "",
            d.TryGetProperty("node", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null,
            d.TryGetProperty("message", out var m) ? m.GetString() ?? "" : "",
            d.TryGetProperty("remediation", out var r) && r.ValueKind == JsonValueKind.Array
                ? r.EnumerateArray().Select(x => new RemediationStep(
                    x.TryGetProperty("description", out var de) ? de.GetString() ?? "" : "",
                    x.TryGetProperty("command", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null)).ToList()
                : [])).ToList();
    }

    public override string ToString() => $"{Severity} {RuleId} [{Node}] {Message}";
}
