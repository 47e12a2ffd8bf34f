using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using NetDoctor.Packs.Vetting.Reporters;

namespace NetDoctor.Cli.Reporting.Sarif;

/// <summary>
/// SARIF 2.1.0, so code-scanning UIs (GitHub, GitLab, Azure DevOps) show diagnoses next to the bundle files that prove
/// them. Every rule that ran is described (PascalCase name, title, help, default level); each result has its own
/// message with its own fix, its evidence as locations and, with --explain, the facts it was derived from as related
/// locations. Valid against the OASIS 2.1.0 schema (checked by the CLI tests).
/// </summary>
public static class SarifReporter
{
    public static string Render(RunReport report, bool explain = false, string? workingDirectory = null)
    {
        var sources = new SarifSources(report.Inputs, workingDirectory ?? Directory.GetCurrentDirectory());
        var rules = report.Rules.Select(r => r.Id).Concat(report.Diagnoses.Select(d => d.RuleId)).Concat(report.Waived.Select(w => w.RuleId))
            .Distinct().Order(StringComparer.Ordinal).ToList();

        var results = new JsonArray();
        foreach (var d in report.Diagnoses)
            results.Add(Result(d, rules.IndexOf(d.RuleId), sources, explain));
        // SARIF's own mechanism for an accepted finding: the result stays, with an external suppression and its justification.
        foreach (var w in report.Waived)
        {
            var result = Result(w.Diagnosis, rules.IndexOf(w.RuleId), sources, explain);
            result["suppressions"] = new JsonArray(new JsonObject
            {
                ["kind"] = "external",
                ["status"] = "accepted",
                ["justification"] = w.Reason,
                ["properties"] = new JsonObject { ["waiver"] = w.Waiver, ["expires"] = w.Expires },
            });
            results.Add(result);
        }

        var notifications = new JsonArray();
        foreach (var p in report.Problems)
        {
            var notification = new JsonObject { ["level"] = "warning", ["message"] = new JsonObject { ["text"] = p.Message } };
            if (sources.Physical(p.Source) is { } physical) notification["locations"] = new JsonArray(new JsonObject { ["physicalLocation"] = physical });
            notifications.Add(notification);
        }

        // A rule that could not be checked is a notification on that rule: the run did not cover it.
        foreach (var n in report.NotEvaluated)
        {
            notifications.Add(new JsonObject
            {
                ["level"] = "warning",
                ["message"] = new JsonObject { ["text"] = NotEvaluatedCauses.Entry(n) },
                ["associatedRule"] = new JsonObject { ["id"] = n.RuleId, ["index"] = rules.IndexOf(n.RuleId) },
                ["properties"] = new JsonObject
                {
                    ["node"] = n.Node,
                    ["missing"] = new JsonArray(n.Missing.Select(m => (JsonNode)JsonValue.Create(m)).ToArray()),
                    ["cut"] = new JsonArray(n.Cut.Select(f => (JsonNode)JsonValue.Create(f)).ToArray()),
                    ["withheld"] = n.Withheld,
                },
            });
        }

        if (report.Cut is { } cut)
        {
            // Reading was cut: an error of the execution (executionSuccessful is false), with how much, which limit and how to raise it.
            notifications.Add(new JsonObject
            {
                ["level"] = "error",
                ["message"] = new JsonObject { ["text"] = cut.Message },
                ["descriptor"] = new JsonObject { ["id"] = "reading-cut" },
                ["properties"] = new JsonObject
                {
                    ["limits"] = new JsonArray(cut.Limits.Select(l => (JsonNode)new JsonObject
                    {
                        ["name"] = l.Name, ["option"] = l.Option, ["budget"] = l.Budget, ["files"] = l.Files,
                        ["bytes"] = l.Bytes, ["facts"] = l.Facts, ["enough"] = l.Enough,
                    }).ToArray()),
                    ["files"] = cut.Files.Count,
                    ["nodes"] = cut.Nodes.Count,
                    ["withheld"] = cut.Withheld,
                },
            });
        }

        foreach (var f in report.RuleFailures)
        {
            // A rule that threw is an error of the tool's execution, not a result: it found nothing, and its results may be missing.
            var notification = new JsonObject
            {
                ["level"] = "error",
                ["message"] = new JsonObject { ["text"] = f.Message },
                ["properties"] = new JsonObject { ["ruleId"] = f.RuleId, ["pack"] = f.Pack, ["stage"] = f.Stage, ["exception"] = f.Exception },
            };
            var locations = new JsonArray();
            foreach (var fact in f.Facts)
                if (fact.Source is { } source && sources.Physical(source) is { } physical) locations.Add(new JsonObject { ["physicalLocation"] = physical });
            if (locations.Count > 0) notification["locations"] = locations;
            notifications.Add(notification);
        }

        var driver = new JsonObject
        {
            ["name"] = report.Tool.Name,
            ["version"] = report.Tool.Version,
            ["semanticVersion"] = report.Tool.Version,
            ["rules"] = new JsonArray(rules.Select(id => (JsonNode)Rule(id, report)).ToArray()),
        };
        if (report.Tool.InformationUri.Length > 0) driver["informationUri"] = report.Tool.InformationUri;

        var run = new JsonObject { ["tool"] = new JsonObject { ["driver"] = driver } };
        var invocation = new JsonObject { ["executionSuccessful"] = !report.Incomplete };
        if (notifications.Count > 0) invocation["toolExecutionNotifications"] = notifications;
        run["invocations"] = new JsonArray(invocation);
        if (sources.Artifacts.OriginalUriBaseIds() is { } bases) run["originalUriBaseIds"] = bases;
        run["results"] = results;

        var sarif = new JsonObject
        {
            ["$schema"] = VetSarifReporter.SchemaUri,
            ["version"] = "2.1.0",
            ["runs"] = new JsonArray(run),
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

    private static JsonObject Rule(string id, RunReport report)
    {
        var known = report.Rules.FirstOrDefault(r => r.Id == id);
        var sample = report.Diagnoses.FirstOrDefault(d => d.RuleId == id);
        string title = known?.Title ?? sample?.Title ?? id;
        string severity = known?.Severity ?? sample?.Severity ?? "info";
        var references = known?.References ?? sample?.References ?? [];
        string help = $"{title}. Each result names the objects, addresses and CIDRs found and carries its own fix commands. " +
                      $"`netdoctor explain {id}` shows what the rule matches and its remediation.";
        var rule = new JsonObject
        {
            ["id"] = id,
            ["name"] = SarifNames.Pascal(id),
            ["shortDescription"] = new JsonObject { ["text"] = title },
            ["help"] = new JsonObject
            {
                ["text"] = help + (references.Count > 0 ? " References: " + string.Join(" ", references) : ""),
                ["markdown"] = SarifMessages.Escape($"{title}. Each result names the objects, addresses and CIDRs found and carries its own fix commands. ")
                               + $"`netdoctor explain {id}` shows what the rule matches and its remediation."
                               + string.Concat(references.Select(r => $"\n\n- <{r}>")),
            },
            ["defaultConfiguration"] = new JsonObject { ["level"] = Level(severity) },
            ["properties"] = new JsonObject
            {
                ["severity"] = severity,
                ["tags"] = new JsonArray((known?.Tags ?? []).Select(t => (JsonNode)JsonValue.Create(t)).ToArray()),
            },
        };
        if (references.FirstOrDefault(r => Uri.IsWellFormedUriString(r, UriKind.Absolute)) is { } uri) rule["helpUri"] = uri;
        return rule;
    }

    private static JsonObject Result(DiagnosisReport d, int ruleIndex, SarifSources sources, bool explain)
    {
        var locations = new JsonArray();
        foreach (var e in d.Evidence.Where(e => e.Source is not null))
        {
            if (sources.Physical(e.Source!) is { } physical)
                locations.Add(new JsonObject { ["physicalLocation"] = physical, ["message"] = new JsonObject { ["text"] = $"{e.Type} {e.Summary}" } });
        }
        // A diagnosis whose evidence is all derived still points somewhere: at the raw facts it was derived from.
        if (locations.Count == 0 && SarifDerivation.Descendants(d.Explanation).FirstOrDefault(n => n.Node.Source is not null && sources.Physical(n.Node.Source) is not null) is { Node: var leaf })
            locations.Add(new JsonObject { ["physicalLocation"] = sources.Physical(leaf.Source!), ["message"] = new JsonObject { ["text"] = $"{leaf.Type} {leaf.Summary}" } });

        var result = new JsonObject
        {
            ["ruleId"] = d.RuleId,
            ["ruleIndex"] = ruleIndex,
            ["level"] = Level(d.Severity),
            ["message"] = SarifMessages.For(d),
            ["locations"] = locations,
        };
        if (explain && d.Explanation is not null) result["relatedLocations"] = SarifDerivation.RelatedLocations(d.Explanation, sources);
        result["partialFingerprints"] = new JsonObject { ["netdoctorDiagnosis/v1"] = Fingerprint(d) };
        result["properties"] = new JsonObject
        {
            ["severity"] = d.Severity,
            ["node"] = d.Node,
            ["remediation"] = new JsonArray(d.Remediation.Select(r => (JsonNode)new JsonObject { ["description"] = r.Description, ["command"] = r.Command }).ToArray()),
        };
        return result;
    }

    /// <summary>Stable across runs for the same finding (rule, node, first evidence), so a code-scanning alert is tracked, not re-opened.</summary>
    private static string Fingerprint(DiagnosisReport d)
    {
        string key = $"{d.RuleId}|{d.Node}|{d.Evidence.FirstOrDefault()?.Summary}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..32];
    }
}
