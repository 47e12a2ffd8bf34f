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
    private DiagnosisRunner _indexed = null!;
    private DiagnosisRunner _nrules = null!;
    private IReadOnlyList<object> _facts = [];

    [Params("healthy", "profile-drop-all")]
    public string Bundle { get; set; } = "healthy";

    [GlobalSetup]
    public void Setup()
    {
        var bundle = GeneratedBundle.Create(ClusterShape.NamespaceHeavy, plantFault: Bundle != "healthy");
        _facts = bundle.Facts.Facts;
        var packs = BuiltInPacks.Load();
        Console.WriteLine($"// generated bundle {bundle.Name}: {_facts.Count} facts, {packs.RuleDefinitions.Count} rules");
        _indexed = new DiagnosisRunner(packs, EngineKind.Indexed);
        _nrules = new DiagnosisRunner(packs, EngineKind.NRules);
        // The first run compiles the rules (DiagnosisRunner compiles lazily) and checks what they conclude.
        DiagnosisCheck.Verify("indexed", bundle, _indexed.Run(_facts));
        DiagnosisCheck.Verify("NRules", bundle, _nrules.Run(_facts));
    }

    [Benchmark]
    public int Indexed() => _indexed.Run(_facts).Diagnoses.Count;

    [Benchmark(Baseline = true)]
    public int NRules() => _nrules.Run(_facts).Diagnoses.Count;
}
