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
    private ParseInput input = null!;
    private readonly KubectlParser parser = new();

    [GlobalSetup]
    public void Setup()
    {
        var text = KubectlDump.Yaml(2_000);
        input = new ParseInput("cluster/kubernetes/all.yaml", null, text);
        Console.WriteLine($"// kubectl input: 6,000 objects, {text.Length / 1024.0 / 1024:F1} MiB of YAML");
    }

    [Benchmark]
    public int Yaml6kObjects() => parser.Parse(input).Facts.Count;
}
