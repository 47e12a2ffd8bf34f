using System.Text.Json;
using System.Text.Json.Nodes;
using NetDoctor.Packs.Model;

namespace NetDoctor.Packs.Vetting.Reporters;

/// <summary>
/// SARIF 2.1.0 for code-scanning UIs: every diagnostic and every failed RuleTest is a result at its file:line:column;
/// the rule ids are the stable diagnostic codes.
/// </summary>
public static class VetSarifReporter
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    public static string Render(VetReport report)
    {
        var results = report.Diagnostics.Select(d => Result(d.Code, Level(d.Severity), d.Message, d.Mark)).ToList();
        foreach (var test in report.Tests.Where(t => !t.Passed))
            results.Add(Result(DiagnosticCodes.TestFailed, "error", $"test '{test.Name}' of {test.RuleId} failed: {string.Join("; ", test.Failures)}", test.Mark));
        var codes = results.Select(r => r["ruleId"]!.GetValue<string>()).Distinct().OrderBy(c => c, StringComparer.Ordinal);

        var sarif = new JsonObject
        {
            ["$schema"] = SchemaUri,
            ["version"] = "2.1.0",
            ["runs"] = new JsonArray(new JsonObject
            {
                ["tool"] = new JsonObject
                {
                    ["driver"] = new JsonObject
                    {
                        ["name"] = "netdoctor vet",
                        ["rules"] = new JsonArray(codes.Select(c => (JsonNode)new JsonObject { ["id"] = c, ["shortDescription"] = new JsonObject { ["text"] = c } }).ToArray()),
                    },
                },
                ["results"] = new JsonArray(results.Select(r => (JsonNode)r).ToArray()),
            }),
        };
        return sarif.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    private static JsonObject Result(string code, string level, string message, SourceMark mark)
    {
        var physical = new JsonObject { ["artifactLocation"] = new JsonObject { ["uri"] = mark.File } };
        if (mark.Line > 0)
        {
            var region = new JsonObject { ["startLine"] = mark.Line };
            if (mark.Column > 0) region["startColumn"] = mark.Column;
            physical["region"] = region;
        }
        return new JsonObject
        {
            ["ruleId"] = code,
            ["level"] = level,
            ["message"] = new JsonObject { ["text"] = message },
            ["locations"] = new JsonArray(new JsonObject { ["physicalLocation"] = physical }),
        };
    }

    private static string Level(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "note",
    };
}
