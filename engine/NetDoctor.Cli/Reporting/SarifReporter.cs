using System.Text.Json.Nodes;

namespace NetDoctor.Cli.Reporting;

/// <summary>SARIF 2.1.0, so CI systems (GitHub code scanning, GitLab) can show diagnoses next to the bundle files that prove them.</summary>
public static class SarifReporter
{
    public static string Render(RunReport report)
    {
        var rules = new JsonArray();
        foreach (var group in report.Diagnoses.GroupBy(d => d.RuleId).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var first = group.First();
            rules.Add(new JsonObject
            {
                ["id"] = group.Key,
                ["name"] = group.Key,
                ["shortDescription"] = new JsonObject { ["text"] = first.Title },
                ["defaultConfiguration"] = new JsonObject { ["level"] = Level(first.Severity) },
                ["help"] = new JsonObject { ["text"] = string.Join("\n", first.Remediation.Select(r => r.Command is null ? r.Description : $"{r.Description}: {r.Command}")) },
            });
        }

        var results = new JsonArray();
        foreach (var d in report.Diagnoses)
        {
            var locations = new JsonArray();
            foreach (var e in d.Evidence.Where(e => e.Source is not null))
                locations.Add(Location(e.Source!, e.Summary));
            results.Add(new JsonObject
            {
                ["ruleId"] = d.RuleId,
                ["level"] = Level(d.Severity),
                ["message"] = new JsonObject { ["text"] = d.Message },
                ["locations"] = locations,
                ["properties"] = new JsonObject { ["severity"] = d.Severity, ["node"] = d.Node },
            });
        }

        var notifications = new JsonArray();
        foreach (var p in report.Problems)
        {
            notifications.Add(new JsonObject
            {
                ["level"] = "warning",
                ["message"] = new JsonObject { ["text"] = p.Message },
                ["locations"] = new JsonArray(Location(p.Source, null)),
            });
        }

        var sarif = new JsonObject
        {
            ["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json",
            ["version"] = "2.1.0",
            ["runs"] = new JsonArray(new JsonObject
            {
                ["tool"] = new JsonObject
                {
                    ["driver"] = new JsonObject
                    {
                        ["name"] = report.Tool.Name,
                        ["version"] = report.Tool.Version,
                        ["rules"] = rules,
                    },
                },
                ["results"] = results,
                ["invocations"] = new JsonArray(new JsonObject
                {
                    ["executionSuccessful"] = true,
                    ["toolExecutionNotifications"] = notifications,
                }),
            }),
        };
        return sarif.ToJsonString(JsonReporter.Options);
    }

    /// <summary>SARIF has three levels; critical and error both map to "error".</summary>
    public static string Level(string severity) => severity switch
    {
        "critical" or "error" => "error",
        "warning" => "warning",
        _ => "note",
    };

    private static JsonObject Location(string source, string? message)
    {
        // Sources are "path:line" (or just "path" for whole-file facts).
        int colon = source.LastIndexOf(':');
        string uri = source;
        int line = 0;
        if (colon > 0 && int.TryParse(source.AsSpan(colon + 1), out var parsed))
        {
            uri = source[..colon];
            line = parsed;
        }
        var physical = new JsonObject { ["artifactLocation"] = new JsonObject { ["uri"] = uri } };
        if (line > 0) physical["region"] = new JsonObject { ["startLine"] = line };
        var location = new JsonObject { ["physicalLocation"] = physical };
        if (message is not null) location["message"] = new JsonObject { ["text"] = message };
        return location;
    }
}
