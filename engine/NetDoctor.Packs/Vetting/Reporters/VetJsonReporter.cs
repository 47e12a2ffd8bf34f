using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NetDoctor.Packs.Vetting.Reporters;

/// <summary>The vet report as JSON (camelCase), for scripts. The layout is documented in docs/output-formats.md.</summary>
public static class VetJsonReporter
{
    public static string Render(VetReport report) => Render(report, ReportTool.Default);

    public static string Render(VetReport report, ReportTool tool)
    {
        var root = new JsonObject
        {
            ["tool"] = new JsonObject { ["name"] = tool.Name, ["version"] = tool.Version },
            ["passed"] = report.Passed,
            ["packs"] = new JsonArray(report.Packs.Select(p => (JsonNode)new JsonObject
            {
                ["name"] = p.Name, ["version"] = p.Version, ["rules"] = p.Rules, ["directory"] = p.Directory,
            }).ToArray()),
            ["diagnostics"] = new JsonArray(report.Diagnostics.Select(d => (JsonNode)new JsonObject
            {
                ["severity"] = VetTextReporter.Level(d.Severity),
                ["code"] = d.Code,
                ["file"] = d.Mark.File,
                ["line"] = d.Mark.Line,
                ["column"] = d.Mark.Column,
                ["message"] = d.Message,
            }).ToArray()),
            ["tests"] = new JsonArray(report.Tests.Select(t => (JsonNode)WithTrace(t, new JsonObject
            {
                ["pack"] = t.Pack,
                ["name"] = t.Name,
                ["rule"] = t.RuleId,
                ["passed"] = t.Passed,
                ["count"] = t.Count,
                ["failures"] = new JsonArray(t.Failures.Select(f => (JsonNode)JsonValue.Create(f)).ToArray()),
                ["file"] = t.Mark.File,
                ["line"] = t.Mark.Line,
                ["elapsedMs"] = Math.Round(t.ElapsedMs, 1),
            })).ToArray()),
            ["coverage"] = new JsonObject
            {
                ["percent"] = report.Coverage.Percent,
                ["covered"] = report.Coverage.Covered,
                ["total"] = report.Coverage.Total,
                ["rules"] = new JsonArray(report.Coverage.Rules.Select(r => (JsonNode)new JsonObject
                {
                    ["ruleId"] = r.RuleId, ["firing"] = r.HasFiringTest, ["nonFiring"] = r.HasNonFiringTest,
                }).ToArray()),
            },
            ["summary"] = new JsonObject
            {
                ["errors"] = report.Errors,
                ["warnings"] = report.Warnings,
                ["testsPassed"] = report.TestsPassed,
                ["testsFailed"] = report.TestsFailed,
            },
        };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    /// <summary>`trace` (lines) only when `--trace` asked for it, so the usual layout stays as documented.</summary>
    private static JsonObject WithTrace(NetDoctor.Packs.Testing.RuleTestResult test, JsonObject json)
    {
        if (test.Trace is { } trace) json["trace"] = new JsonArray(trace.Select(l => (JsonNode)JsonValue.Create(l)).ToArray());
        return json;
    }
}
