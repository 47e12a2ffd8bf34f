using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using NetDoctor.Packs.Model;

namespace NetDoctor.Packs.Vetting.Reporters;

/// <summary>
/// SARIF 2.1.0 for code-scanning UIs: every diagnostic and every failed RuleTest is a result at its file:line:column;
/// the rule ids are the stable diagnostic codes. Valid against the OASIS 2.1.0 schema (checked by the CLI tests).
/// </summary>
public static class VetSarifReporter
{
    /// <summary>The OASIS schema of SARIF 2.1.0 (errata 01), as the spec names it.</summary>
    public const string SchemaUri = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

    public static string Render(VetReport report) => Render(report, ReportTool.Default, Directory.GetCurrentDirectory());

    /// <param name="workingDirectory">Pack paths under it are written relative to %SRCROOT% (the checkout in CI).</param>
    public static string Render(VetReport report, ReportTool tool, string workingDirectory)
    {
        var artifacts = new SarifArtifacts(workingDirectory);
        var results = report.Diagnostics.Select(d => (d.Code, Level: Level(d.Severity), d.Message, d.Mark)).ToList();
        foreach (var test in report.Tests.Where(t => !t.Passed))
            results.Add((DiagnosticCodes.TestFailed, "error", $"Test '{test.Name}' of {test.RuleId} failed: {string.Join("; ", test.Failures)}", test.Mark));
        var codes = results.Select(r => r.Code).Distinct().Order(StringComparer.Ordinal).ToList();

        var driver = new JsonObject
        {
            ["name"] = tool.Name + " vet",
            ["version"] = tool.Version,
            ["semanticVersion"] = tool.Version,
            ["rules"] = new JsonArray(codes.Select(c => (JsonNode)new JsonObject
            {
                ["id"] = c,
                ["name"] = SarifNames.Pascal(c),
                ["shortDescription"] = new JsonObject { ["text"] = VetCodes.Describe(c) },
                ["defaultConfiguration"] = new JsonObject { ["level"] = c is DiagnosticCodes.UnusedBinding ? "warning" : "error" },
            }).ToArray()),
        };
        if (tool.InformationUri.Length > 0) driver["informationUri"] = tool.InformationUri;

        var sarifResults = new JsonArray(results.Select(r => (JsonNode)Result(r.Code, codes.IndexOf(r.Code), r.Level, r.Message, r.Mark, artifacts)).ToArray());
        var run = new JsonObject { ["tool"] = new JsonObject { ["driver"] = driver } };
        if (artifacts.OriginalUriBaseIds() is { } bases) run["originalUriBaseIds"] = bases;
        run["results"] = sarifResults;
        run["invocations"] = new JsonArray(new JsonObject { ["executionSuccessful"] = true });

        var sarif = new JsonObject
        {
            ["$schema"] = SchemaUri,
            ["version"] = "2.1.0",
            ["runs"] = new JsonArray(run),
        };
        return sarif.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    private static JsonObject Result(string code, int index, string level, string message, SourceMark mark, SarifArtifacts artifacts)
    {
        var result = new JsonObject
        {
            ["ruleId"] = code,
            ["ruleIndex"] = index,
            ["level"] = level,
            ["message"] = new JsonObject { ["text"] = message },
        };
        if (mark.File.Length == 0) return result;
        var physical = new JsonObject { ["artifactLocation"] = artifacts.Location(mark.File) };
        if (mark.Line > 0)
        {
            var region = new JsonObject { ["startLine"] = mark.Line };
            if (mark.Column > 0) region["startColumn"] = mark.Column;
            physical["region"] = region;
        }
        result["locations"] = new JsonArray(new JsonObject { ["physicalLocation"] = physical });
        return result;
    }

    private static string Level(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "note",
    };
}
