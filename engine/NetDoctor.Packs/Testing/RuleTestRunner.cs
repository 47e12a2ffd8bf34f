using System.Diagnostics;
using NetDoctor.Engine;
using NetDoctor.Packs.Diagnoses;
using NetDoctor.Packs.Loading;
using NetDoctor.Packs.Model;
using NetDoctor.Packs.Running;
using NetDoctor.Packs.Types;
using NRules.RuleModel;

namespace NetDoctor.Packs.Testing;

/// <summary>
/// Runs RuleTests: for each test, a fresh session of every loaded rule (a rule may depend on facts other rules derive),
/// the test's facts inserted and fired within a budget, then the expectations checked against what the tested rule
/// left in working memory: its diagnoses, or for a derive-only rule the facts it derived. A fixture bundle is read only
/// when it lies inside the pack folder (<see cref="FixturePath"/>); otherwise the test fails without opening it.
/// </summary>
public sealed class RuleTestRunner(LoadedPacks packs, IFactSource? bundles = null, int maxFirings = 10_000, EngineKind engine = EngineKind.Indexed)
{
    private readonly SessionFactoryCache _factory = new(packs, engine);

    /// <summary>Which tests run (`vet --run PATTERN`); null runs every test.</summary>
    public TestFilter? Filter { get; init; }

    /// <summary>Whether each result carries a <see cref="RuleTrace"/> of its rule (`vet --trace`).</summary>
    public bool Trace { get; init; }

    public IReadOnlyList<RuleTestResult> Run(LoadedPack pack) => pack.Tests.Where(t => Filter?.Matches(t) ?? true).Select(t => Run(pack, t)).ToList();

    public IReadOnlyList<RuleTestResult> RunAll() => packs.Packs.SelectMany(Run).ToList();

    public RuleTestResult Run(LoadedPack pack, RuleTestDocument test)
    {
        var clock = Stopwatch.StartNew();
        var failures = new List<string>();
        var trace = Trace ? new List<string>() : null;
        int count = 0;
        try
        {
            count = Execute(pack, test, failures, trace);
        }
        catch (MaterializeException ex)
        {
            failures.Add($"{ex.Mark}: {ex.Message}");
        }
        catch (RuleEngineException ex)
        {
            failures.Add("engine error: " + ex.Message);
        }
        return new RuleTestResult(pack.Name, test.Name, test.Rule, test.Mark, failures, count, clock.Elapsed.TotalMilliseconds,
            test.Expect.ExpectsFiring, test.Expect.ExpectsNoFiring) { Trace = trace };
    }

    private int Execute(LoadedPack pack, RuleTestDocument test, List<string> failures, List<string>? trace)
    {
        var rule = packs.FindRule(test.Rule);
        var extra = packs.ExtraRules.FirstOrDefault(r => r.Name == test.Rule);
        if (rule is null && extra is null)
        {
            failures.Add($"no rule '{test.Rule}' is loaded" + DidYouMean.Hint(test.Rule, packs.Rules.Select(r => r.Id)));
            return 0;
        }
        if (_factory.Error is { } compileError)
        {
            failures.Add("engine error: " + compileError);
            return 0;
        }
        var facts = Given(pack, test, failures);
        if (facts is null) return 0;

        var session = _factory.Factory!.CreateSession();
        session.InsertAll(facts);
        session.Fire(maxFirings);
        // A rule that threw fails its own tests with the reason; another rule's failure is that rule's tests' business.
        foreach (var failure in session.RuleFailures.Where(f => f.RuleId == test.Rule))
            failures.Add(RuleFailureInfo.Of(failure).Message);

        var diagnoses = session.Query<Diagnosis>().Where(d => d.RuleId == test.Rule).ToList();
        var derived = session.Query<DerivedFact>().Where(f => session.Explain(f)?.Rule.Name == test.Rule).ToList();
        // A C# rule may diagnose or derive; what it left in working memory says which.
        bool diagnosesMode = rule?.Diagnoses ?? diagnoses.Count > 0 || derived.Count == 0;
        int count = diagnosesMode ? diagnoses.Count : derived.Count;
        Check(test, diagnosesMode, count, diagnoses, derived, session, failures);
        if (test.Expect.Diagnoses is not null)
            ExactExpectations.CheckDiagnoses(test, ExactExpectations.InScope(test, session.Query<Diagnosis>()), failures);
        if (test.Expect.Derives is not null) ExactExpectations.CheckDerives(test, derived, failures);
        trace?.AddRange(RuleTrace.Of(
            (IRuleDefinition?)rule?.Definition ?? extra!,
            session.Query<object>().ToList(),
            rule is null ? null : RuleTrace.Labels(rule.Document),
            c => rule?.ConditionTexts.GetValueOrDefault(c)));
        return count;
    }

    /// <summary>The bundle's facts (when the test names one) followed by the inline facts.</summary>
    private List<object>? Given(LoadedPack pack, RuleTestDocument test, List<string> failures)
    {
        var facts = new List<object>();
        if (test.Bundle is { } bundle)
        {
            if (bundles is null)
            {
                failures.Add($"{test.Mark}: this test reads bundle '{bundle}' but no bundle reader is configured");
                return null;
            }
            string dir = Path.GetDirectoryName(Path.Combine(pack.Directory, test.Mark.RelativeFile)) ?? pack.Directory;
            if (FixturePath.Resolve(pack.Directory, dir, bundle, out string? refusal) is not { } full)
            {
                failures.Add($"{test.Mark}: test '{test.Name}': fixture bundle '{bundle}' refused: {refusal}; a fixture must be inside the pack folder");
                return null;
            }
            if (!Directory.Exists(full) && !File.Exists(full))
            {
                failures.Add($"{test.Mark}: fixture bundle '{bundle}' does not exist ({full})");
                return null;
            }
            facts.AddRange(bundles.Read(full).Facts);
        }
        var materializer = new FactMaterializer(packs.Catalog, new PackFile(test.Mark.File, test.Mark.RelativeFile, ""));
        facts.AddRange(test.Facts.Select(materializer.Create));
        return facts;
    }

    private static void Check(RuleTestDocument test, bool diagnoses, int count, List<Diagnosis> found, List<DerivedFact> derived, ISession session, List<string> failures)
    {
        var expect = test.Expect;
        if (expect.Fired is { } fired && fired != count > 0)
        {
            failures.Add(fired ? $"expected {test.Rule} to fire, but it did not" : $"expected {test.Rule} not to fire, but it fired {count} time(s)"
                + (found.Count > 0 ? $": {found[0].Message}" : derived.Count > 0 ? $": {derived[0].Summary}" : ""));
        }

        if (expect.Count is { } n && n != count)
            failures.Add($"expected {n} result(s) of {test.Rule}, got {count}");
        if (expect.MessageContains is { } text)
        {
            if (!diagnoses) failures.Add($"messageContains needs a rule that diagnoses; {test.Rule} only derives");
            else if (!found.Any(d => d.Message.Contains(text, StringComparison.Ordinal)))
                failures.Add($"no message contains \"{text}\"" + (found.Count > 0 ? $"; messages: {string.Join(" | ", found.Select(d => d.Message))}" : ""));
        }
        if (expect.RemediationContains is { } fix)
        {
            // A step's description or its command: remediation is where real names and CIDRs must be filled in.
            if (!diagnoses)
            {
                failures.Add($"remediationContains needs a rule that diagnoses; {test.Rule} only derives");
            }
            else if (!found.SelectMany(d => d.Remediation).Any(r => r.Description.Contains(fix, StringComparison.Ordinal) || r.Command?.Contains(fix, StringComparison.Ordinal) == true))
            {
                failures.Add($"no remediation step contains \"{fix}\"" + (found.Count > 0
                    ? $"; steps: {string.Join(" | ", found.SelectMany(d => d.Remediation).Select(r => r.Command ?? r.Description))}"
                    : ""));
            }
        }
        if (expect.EvidenceIncludes.Count > 0)
        {
            var evidence = diagnoses
                ? found.SelectMany(d => d.Evidence).ToList()
                : derived.SelectMany(f => session.Explain(f)?.Facts ?? []).SelectMany(b => FactInfo.Facts(b.Value))
                    .Select(f => new Evidence(FactInfo.TypeName(f), FactInfo.Summary(f), FactInfo.Source(f))).ToList();
            foreach (string wanted in expect.EvidenceIncludes)
            {
                if (!evidence.Any(e => e.Type == wanted || e.Summary.Contains(wanted, StringComparison.Ordinal)))
                    failures.Add($"no evidence matches \"{wanted}\"" + (evidence.Count > 0 ? $"; evidence: {string.Join(", ", evidence.Select(e => $"{e.Type} {e.Summary}"))}" : ""));
            }
        }
    }
}
