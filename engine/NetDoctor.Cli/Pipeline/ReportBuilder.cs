using NetDoctor.Cli.Reporting;
using NetDoctor.Collectors.Bundles;
using NetDoctor.Engine;
using NetDoctor.Packs.Loading;
using NetDoctor.Packs.Running;

namespace NetDoctor.Cli.Pipeline;

/// <summary>Maps what the pipeline produced (fact base, packs, diagnosis run) onto the JSON contract of CONTRACTS.md §4.</summary>
public static class ReportBuilder
{
    public static string ToolVersion =>
        typeof(ReportBuilder).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    public static RunReport Build(FactBase facts, LoadedPacks packs, DiagnosisRun run)
    {
        var problems = facts.Problems.Select(p => new ProblemReport(p.Source.ToString(), p.Message)).ToList();
        if (run.Error is not null) problems.Add(new ProblemReport("engine", run.Error));

        return new RunReport(
            new ToolInfo("netdoctor", ToolVersion),
            facts.Inputs.Select(i => new InputInfo(i.Path, i.Nodes, i.Files)).ToList(),
            // A pack's C# rules (LoadedPacks.ExtraRules, ids "pack/...") count towards that pack.
            packs.Infos.Select(p => new PackReport(p.Name, p.Version, p.Rules + packs.ExtraRules.Count(r => r.Pack() == p.Name))).ToList(),
            run.Diagnoses.Select(ToReport).ToList(),
            problems,
            new StatsReport(run.Stats.Facts, run.Stats.RulesFired, run.Stats.ElapsedMs, run.Stats.Engine.ToString().ToLowerInvariant(), run.Stats.EngineMs));
    }

    public static string Severity(RuleSeverity severity) => severity.ToString().ToLowerInvariant();

    private static DiagnosisReport ToReport(DiagnosisResult result)
    {
        var d = result.Diagnosis;
        return new DiagnosisReport(
            d.RuleId,
            Severity(d.Severity),
            d.Title,
            d.Message,
            d.Node,
            d.Evidence.Select(e => new EvidenceReport(e.Type, e.Summary, e.Source)).ToList(),
            result.Derivation.Steps().Select(s => new DerivationReport(s.Type, s.Summary, s.ProducedBy, s.From)).ToList(),
            d.Remediation.Select(r => new RemediationReport(r.Description, r.Command)).ToList(),
            d.References)
        {
            Explanation = ToNode(result.Derivation),
        };
    }

    private static ExplanationNode ToNode(DerivationNode node) =>
        new(node.Type, node.Summary, node.Source, node.ProducedBy, node.From.Select(ToNode).ToList());
}
