using BenchmarkDotNet.Attributes;
using NetDoctor.Collectors.Parsers.Kubectl;
using NetDoctor.Collectors.Parsing;

namespace NetDoctor.Benchmarks.Parsing;

/// <summary>
/// `kubectl get services,endpoints,pods -A -o yaml` of a 2,000-Service cluster (6,000 objects) through the kubectl parser:
/// YAML tree, KubernetesClient models, facts.
/// </summary>
[ParsingJob]
public class ParsingKubectlObjectsBenchmark
{
    private ParseInput _input = null!;
    private readonly KubectlParser _parser = new();

    [GlobalSetup]
    public void Setup()
    {
        var text = KubectlDump.Yaml(2_000);
        _input = new ParseInput("cluster/kubernetes/all.yaml", null, text);
        Console.WriteLine($"// kubectl input: 6,000 objects, {text.Length / 1024.0 / 1024:F1} MiB of YAML");
    }

    [Benchmark]
    public int Yaml6kObjects() => _parser.Parse(_input).Facts.Count;
}
