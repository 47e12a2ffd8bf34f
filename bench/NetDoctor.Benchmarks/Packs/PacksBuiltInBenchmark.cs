using BenchmarkDotNet.Attributes;
using NetDoctor.Benchmarks.Generators;
using NetDoctor.Engine;
using NetDoctor.Packs.Running;

namespace NetDoctor.Benchmarks.Packs;

/// <summary>
/// Every built-in pack (YAML and the calico C# rules, loaded as the CLI loads them) through DiagnosisRunner on the
/// namespace-heavy generated bundle (<see cref="ClusterShape.NamespaceHeavy"/>), healthy and with incident 002 planted,
/// on our indexed runtime and on NRules.Runtime behind the same ISession (baseline). One operation is one
/// <c>DiagnosisRunner.Run</c>: a fresh session, insert every fact, fire, explain the diagnoses. The rules are compiled
/// in setup, the facts read in setup. NRules joins every namespace profile chain with every iptables rule of the bundle
/// (3,200 x 42k condition tests), seconds per operation, hence <see cref="PacksJobAttribute"/>.
/// </summary>
[PacksJob]
public class PacksBuiltInBenchmark
{
    private DiagnosisRunner indexed = null!;
    private DiagnosisRunner nrules = null!;
    private IReadOnlyList<object> facts = [];
    private string? nrulesUnavailable;

    [Params("healthy", "profile-drop-all")]
    public string Bundle { get; set; } = "healthy";

    [GlobalSetup]
    public void Setup()
    {
        var bundle = GeneratedBundle.Create(ClusterShape.NamespaceHeavy, plantFault: Bundle != "healthy");
        facts = bundle.Facts.Facts;
        var packs = BuiltInPacks.Load();
        Console.WriteLine($"// {bundle.Directory}: {facts.Count} facts, {packs.RuleDefinitions.Count} rules");
        indexed = new DiagnosisRunner(packs, EngineKind.Indexed);
        nrules = new DiagnosisRunner(packs, EngineKind.NRules);
        // The first run compiles the rules (DiagnosisRunner compiles lazily) and checks what they conclude.
        DiagnosisCheck.Verify("indexed", bundle, indexed.Run(facts));
        try
        {
            DiagnosisCheck.Verify("NRules", bundle, nrules.Run(facts));
        }
        catch (NotSupportedException ex)
        {
            // The NRules adapter is not on this branch (RuleRuntimes is a shim): the indexed case still runs,
            // the NRules case fails with this message instead of taking the whole class down in setup.
            nrulesUnavailable = ex.Message;
        }
    }

    [Benchmark]
    public int Indexed() => indexed.Run(facts).Diagnoses.Count;

    [Benchmark(Baseline = true)]
    public int NRules() => nrulesUnavailable is null
        ? nrules.Run(facts).Diagnoses.Count
        : throw new NotSupportedException("NRules runtime could not be measured: " + nrulesUnavailable);
}
