using System.Diagnostics;
using NetDoctor.Engine;
using NetDoctor.Packs.Diagnoses;
using NetDoctor.Packs.Loading;
using NetDoctor.Packs.Types;

namespace NetDoctor.Packs.Running;

/// <summary>
/// The main job, for the CLI: loaded packs + facts -> diagnoses with derivations. Compiles the rules once
/// (RuleCompiler -> ISessionFactory); each <see cref="Run"/> uses a fresh session, fires within a budget, and
/// explains every diagnosis. A rule that throws is disabled and reported (<see cref="DiagnosisRun.RuleFailures"/>) while
/// the others go on; running out of the firing budget (two rules deriving each other's facts forever, or one rule with
/// millions of matches) ends the run with a message saying which happened instead of a hang or a crash.
/// </summary>
public sealed class DiagnosisRunner(LoadedPacks packs, EngineKind engine = EngineKind.Indexed)
{
    public const int DefaultMaxFirings = 100_000;

    private readonly SessionFactoryCache _factory = new(packs, engine);

    /// <summary>
    /// Compiles the rules now rather than in the first <see cref="Run"/>, e.g. while the facts are still being read;
    /// a compilation error is still reported by the run.
    /// </summary>
    public void Prepare() => _ = _factory.Factory;

    public DiagnosisRun Run(IEnumerable<object> facts, int maxFirings = DefaultMaxFirings, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var input = facts.ToList();
        if (_factory.Factory is not { } factory)
            return new DiagnosisRun([], new RunStats(input.Count, 0, 0, clock.ElapsedMilliseconds, engine), "rules could not be compiled: " + _factory.Error);

        var session = factory.CreateSession();
        int fired = 0;
        session.Events.RuleFired += (_, _) => fired++;
        string? error = null;
        IReadOnlyList<string>? errorRules = null;
        var engineClock = Stopwatch.StartNew();
        try
        {
            session.InsertAll(input);
            session.Fire(maxFirings, cancellationToken);
        }
        catch (RunawayRulesException ex)
        {
            errorRules = ex.RuleIds;
            error = FiringBudgetMessage.For(ex, session);
        }
        catch (RuleEngineException ex)
        {
            // Rule failures are isolated by the session; anything else the engine raises still ends the run with its message.
            errorRules = ex switch { RuleConditionException c => [c.RuleId], RuleActionException a => [a.RuleId], _ => [] };
            error = ex.Message;
        }

        engineClock.Stop();
        var diagnoses = session.Query<Diagnosis>()
            .OrderByDescending(d => d.Severity).ThenBy(d => d.RuleId, StringComparer.Ordinal)
            .ThenBy(d => d.Node, StringComparer.Ordinal).ThenBy(d => d.Message, StringComparer.Ordinal)
            .Select(d => new DiagnosisResult(d, DerivationNode.Build(session, d)))
            .ToList();
        int derived = session.Query<DerivedFact>().Count();
        return new DiagnosisRun(diagnoses, new RunStats(input.Count, fired, derived, clock.ElapsedMilliseconds, engine, engineClock.ElapsedMilliseconds), error, errorRules)
        {
            RuleFailures = session.RuleFailures.Select(RuleFailureInfo.Of).ToList(),
        };
    }
}
