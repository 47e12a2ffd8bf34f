using BenchmarkDotNet.Attributes;
using NRules.RuleModel;

namespace NetDoctor.Benchmarks.Engine;

/// <summary>
/// One engine shape measured on both runtimes in the same BenchmarkDotNet run, NRules as the baseline so the table
/// prints ours/NRules as the ratio. Each operation is end to end: create a session from a factory compiled in setup,
/// insert every fact in one batch, fire every activation (the action increments a counter).
/// </summary>
public abstract class PairedEngineBenchmark
{
    private NetDoctor.Engine.ISessionFactory _indexed = null!;
    private NRules.ISessionFactory _nrules = null!;
    private object[] _facts = [];

    protected abstract IReadOnlyList<IRuleDefinition> Rules();

    protected abstract object[] Facts();

    /// <summary>Firings one operation must make; both runtimes are checked against it once in setup.</summary>
    protected abstract int ExpectedFirings { get; }

    [GlobalSetup]
    public void Setup()
    {
        var rules = Rules();
        _facts = Facts();
        _indexed = Runtimes.Indexed(rules);
        _nrules = Runtimes.NRules(rules);
        // A benchmark that measures a runtime doing something else than the other is worse than none.
        Check("indexed", Indexed());
        Check("NRules", NRules());
    }

    [Benchmark]
    public int Indexed()
    {
        var session = _indexed.CreateSession();
        session.InsertAll(_facts);
        return session.Fire(int.MaxValue);
    }

    [Benchmark(Baseline = true)]
    public int NRules()
    {
        var session = _nrules.CreateSession();
        session.InsertAll(_facts);
        return session.Fire();
    }

    private void Check(string runtime, int fired)
    {
        if (fired != ExpectedFirings)
        {
            throw new InvalidOperationException($"{GetType().Name}: {runtime} fired {fired} rules, expected {ExpectedFirings}.");
        }
    }
}
