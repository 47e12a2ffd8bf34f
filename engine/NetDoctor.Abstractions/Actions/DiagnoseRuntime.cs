using NetDoctor.Engine;
using NetDoctor.Packs.Diagnoses;
using NetDoctor.Packs.Types;
using NRules.RuleModel;

namespace NetDoctor.Packs.Compilation.Actions;

/// <summary>
/// What a `diagnose` action calls, compiled from YAML or written in C#: render the templates, gather evidence, take id,
/// title and severity from the rule's metadata, and insert the Diagnosis linked to the match.
/// </summary>
public static class DiagnoseRuntime
{
    /// <summary>Evidence items per binding; a collect over thousands of facts shows the first ones and a count.</summary>
    public const int MaxEvidencePerBinding = 50;

    /// <summary>The linked-fact key of a rule's `diagnose` (one per rule).</summary>
    public const string LinkedKey = "diagnose";

    public static void Insert(IContext context, DiagnosisSpec spec, object?[] values)
    {
        var facts = BoundFact.Of(context.Match);
        int at = 0;
        string message = spec.Message.Render(values, at);
        at += spec.Message.SlotCount;
        var remediation = new List<RemediationStep>();
        foreach (var (description, command) in spec.Remediation)
        {
            string d = description.Render(values, at);
            at += description.SlotCount;
            string? c = command?.Render(values, at);
            at += command?.SlotCount ?? 0;
            remediation.Add(new RemediationStep(d, c));
        }
        var evidence = spec.EvidenceFacts is { } shown
            ? shown.Select(f => new Evidence(FactInfo.TypeName(f), FactInfo.Summary(f), FactInfo.Source(f))).Distinct().ToList()
            : Evidence(facts.Where(f => spec.EvidenceBindings is null || spec.EvidenceBindings.Contains(f.Declaration.Name)));
        var rule = context.Rule;
        LinkedFact.Yield(context, LinkedKey, new Diagnosis(
            rule.Id(),
            rule.Severity(),
            rule.Title(),
            message,
            spec.Node ?? DeriveRuntime.FirstNode(facts),
            evidence,
            remediation,
            spec.References));
    }

    private static IReadOnlyList<Evidence> Evidence(IEnumerable<BoundFact> bound)
    {
        var evidence = new List<Evidence>();
        foreach (var binding in bound)
        {
            var facts = FactInfo.InCanonicalOrder(FactInfo.Facts(binding.Value)).ToList();
            foreach (var fact in facts.Take(MaxEvidencePerBinding))
                evidence.Add(new Evidence(FactInfo.TypeName(fact), FactInfo.Summary(fact), FactInfo.Source(fact)));
            if (facts.Count > MaxEvidencePerBinding)
                evidence.Add(new Evidence(FactInfo.TypeName(facts[0]), $"… and {facts.Count - MaxEvidencePerBinding} more ({binding.Declaration.Name})", null));
        }
        return evidence;
    }
}
