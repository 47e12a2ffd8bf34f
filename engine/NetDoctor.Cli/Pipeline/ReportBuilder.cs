using NetDoctor.Cli.Reporting;
using NetDoctor.Collectors.Bundles;
using NetDoctor.Engine;
using NetDoctor.Packs.Inputs;
using NetDoctor.Packs.Loading;
using NetDoctor.Packs.Running;

namespace NetDoctor.Cli.Pipeline;

/// <summary>Maps what the pipeline produced (fact base, packs, diagnosis run) onto the JSON contract of CONTRACTS.md §4.</summary>
public static class ReportBuilder
{
    public static string ToolVersion => ToolIdentity.Version;

    public static RunReport Build(FactBase facts, LoadedPacks packs, DiagnosisRun run)
    {
        var problems = facts.Problems.Select(p => new ProblemReport(p.Source.ToString(), p.Message)).ToList();
        if (run.Error is not null) problems.Add(new ProblemReport("engine", run.Error));

        return new RunReport(
            ToolIdentity.Info,
            facts.Inputs.Select(i => Input(i, facts.Files)).ToList(),
            // The pack model's rules: YAML and C# count alike (after --skip/--only, which filter the model too).
            packs.Packs.Select(p => new PackReport(p.Name, p.Version, p.Model.Rules.Count)).ToList(),
            run.Diagnoses.Select(ToReport).ToList(),
            problems,
            new StatsReport(run.Stats.Facts, run.Stats.RulesFired, run.Stats.ElapsedMs, run.Stats.Engine.ToString().ToLowerInvariant(), run.Stats.EngineMs))
        {
            Rules = DiagnosingRules(packs),
            EngineError = run.Error,
            RuleFailures = run.RuleFailures.Select(ToReport).ToList(),
        };
    }

    public static string Severity(RuleSeverity severity) => severity.ToString().ToLowerInvariant();

    /// <summary>Rules that report diagnoses (<see cref="RuleRoles.Diagnosing"/>), described from their definitions alike.</summary>
    private static IReadOnlyList<RuleReport> DiagnosingRules(LoadedPacks packs) =>
        RuleRoles.Diagnosing(packs)
            .Select(r => new RuleReport(r.Id(), r.Pack() ?? "", r.Title(), Severity(r.Severity()), r.References(), r.Labels().ToList()))
            .OrderBy(r => r.Id, StringComparer.Ordinal)
            .ToList();

    private static InputInfo Input(NetDoctor.Facts.InputSummary input, IReadOnlyList<LoadedFile> files)
    {
        var mine = files.Where(f => f.Input == input.Path).Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        return new InputInfo(input.Path, input.Nodes, input.Files) { Root = BundleRoot(input.Path, mine), SourceFiles = mine };
    }

    /// <summary>
    /// The local folder the input's file paths are relative to: the input itself, its parent for a single loose file,
    /// or — when the reader descended into a wrapping folder (an extracted archive) — that folder. Null for archives.
    /// </summary>
    private static string? BundleRoot(string input, IReadOnlySet<string> files)
    {
        if (File.Exists(input)) return files.Count == 1 && files.Contains(Path.GetFileName(input)) ? Path.GetDirectoryName(Path.GetFullPath(input)) : null;
        if (!Directory.Exists(input)) return null;
        string? sample = files.FirstOrDefault();
        if (sample is null) return Path.GetFullPath(input);
        var dir = new DirectoryInfo(Path.GetFullPath(input));
        for (int depth = 0; depth < 8 && dir is not null; depth++)
        {
            if (File.Exists(Path.Combine(dir.FullName, sample))) return dir.FullName;
            var children = dir.GetDirectories();
            dir = children.Length == 1 ? children[0] : null;
        }
        return Path.GetFullPath(input);
    }

    private static RuleFailureReport ToReport(RuleFailureInfo failure) => new(
        failure.RuleId,
        failure.Pack,
        failure.Stage == RuleFailureStage.Condition ? "condition" : "action",
        failure.Facts.Select(f => new EvidenceReport(f.Type, f.Summary, f.Source)).ToList(),
        failure.MoreFacts,
        failure.ExceptionType,
        failure.Error,
        failure.Message);

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
