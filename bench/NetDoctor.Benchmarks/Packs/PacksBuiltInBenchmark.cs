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

    [Params("healthy", "profile-drop-all")]
    public string Bundle { get; set; } = "healthy";

    [GlobalSetup]
    public void Setup()
    {
        var bundle = GeneratedBundle.Create(ClusterShape.NamespaceHeavy, plantFault: Bundle != "healthy");
        facts = bundle.Facts.Facts;
        var packs = BuiltInPacks.Load();
        Console.WriteLine($"// generated bundle {bundle.Name}: {facts.Count} facts, {packs.RuleDefinitions.Count} rules");
        indexed = new DiagnosisRunner(packs, EngineKind.Indexed);
        nrules = new DiagnosisRunner(packs, EngineKind.NRules);
        // The first run compiles the rules (DiagnosisRunner compiles lazily) and checks what they conclude.
        DiagnosisCheck.Verify("indexed", bundle, indexed.Run(facts));
        DiagnosisCheck.Verify("NRules", bundle, nrules.Run(facts));
    }

    [Benchmark]
    public int Indexed() => indexed.Run(facts).Diagnoses.Count;

    [Benchmark(Baseline = true)]
    public int NRules() => nrules.Run(facts).Diagnoses.Count;
}
