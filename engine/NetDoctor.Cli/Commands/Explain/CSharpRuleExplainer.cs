using NetDoctor.Cli.Pipeline;
using NetDoctor.Collectors.Bundles;
using NetDoctor.Engine;
using NetDoctor.Packs.Loading;
using NetDoctor.Packs.Running;
using NetDoctor.Packs.Testing;
using NRules.RuleModel;

namespace NetDoctor.Cli.Commands.Explain;

/// <summary>
/// A C# rule explained: there is no YAML to quote, so its class and source location, the fact types it matches, and —
/// because it computes its remediation in code — the remediation it gives on the facts of its own firing test.
/// </summary>
public static class CSharpRuleExplainer
{
    public static RuleExplanation Explain(IRuleDefinition rule, LoadedPacks packs)
    {
        var type = CSharpRuleSource.FindClass(rule.Id(), packs.Packs.Select(p => p.CSharpAssembly).OfType<System.Reflection.Assembly>().ToList());
        var (steps, example) = RemediationFromTest(rule.Id(), packs);
        return new RuleExplanation(
            rule.Id(), rule.Title(), ReportBuilder.Severity(rule.Severity()), rule.Pack() ?? "", "csharp",
            type is null ? null : CSharpRuleSource.Locate(type),
            rule.Labels().ToList(),
            Description: null,
            When: null,
            type?.FullName,
            rule.LeftHandSide.ChildElements.Select(Describe).ToList(),
            Derives: null,
            Message: null,
            steps,
            example,
            []);
    }

    /// <summary>What a condition matches, by fact type (the expressions are in the source; expression trees printed raw help nobody).</summary>
    private static string Describe(RuleElement element) => element switch
    {
        PatternElement { Source: AggregateElement aggregate } p => $"{p.Declaration.Name}: {aggregate.Name.ToLowerInvariant()} of {aggregate.Source.Declaration.Type.Name}",
        PatternElement p => $"{p.Declaration.Name}: a {p.Declaration.Type.Name}" + (p.Expressions.Count == 0 ? "" : $" ({p.Expressions.Count} condition{(p.Expressions.Count == 1 ? "" : "s")})"),
        NotElement n => "no " + Describe(n.Source),
        ExistsElement e => "some " + Describe(e.Source),
        ForAllElement f => "every " + Describe(f.BasePattern),
        GroupElement g => string.Join(g is OrElement ? " or " : " and ", g.ChildElements.Select(Describe)),
        _ => element.ElementType.ToString(),
    };

    /// <summary>Runs the packs on the facts of the rule's first firing RuleTest and returns the remediation it computed there.</summary>
    private static (IReadOnlyList<StepExplanation> Steps, string? Example) RemediationFromTest(string id, LoadedPacks packs)
    {
        foreach (var pack in packs.Packs)
        {
            foreach (var test in pack.Tests.Where(t => t.Rule == id && t.Expect.ExpectsFiring))
            {
                var facts = Facts(pack, test, packs);
                if (facts is null) continue;
                var run = new DiagnosisRunner(packs).Run(facts);
                var diagnosis = run.Diagnoses.Select(d => d.Diagnosis).FirstOrDefault(d => d.RuleId == id);
                if (diagnosis is null) continue;
                var steps = diagnosis.Remediation.Select(r => new StepExplanation(r.Description, r.Command)).ToList();
                return (steps, $"{test.Name} ({Shipped.Display(test.Mark.File)}:{test.Mark.Line})");
            }
        }
        return ([], null);
    }

    private static List<object>? Facts(LoadedPack pack, NetDoctor.Packs.Model.RuleTestDocument test, LoadedPacks packs)
    {
        try
        {
            if (test.Bundle is { } bundle)
            {
                string dir = Path.GetDirectoryName(Path.Combine(pack.Directory, test.Mark.RelativeFile)) ?? pack.Directory;
                return [.. BundleReader.Read([Path.Combine(dir, bundle)]).Facts];
            }
            var materializer = new FactMaterializer(packs.Catalog, new PackFile(test.Mark.File, test.Mark.RelativeFile, ""));
            return test.Facts.Select(materializer.Create).ToList();
        }
        catch (MaterializeException)
        {
            return null;
        }
    }
}
