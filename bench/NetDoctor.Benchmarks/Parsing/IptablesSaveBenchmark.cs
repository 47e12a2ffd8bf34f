using BenchmarkDotNet.Attributes;
using NetDoctor.Collectors.Parsers.Iptables;
using NetDoctor.Collectors.Parsing;

namespace NetDoctor.Benchmarks.Parsing;

/// <summary>A 300,000-rule kube-proxy-shaped `iptables-save -c` (about 10k Services) through the iptables-save parser.</summary>
[ParsingJob]
public class ParsingIptablesSaveBenchmark
{
    private ParseInput _input = null!;
    private readonly IptablesSaveParser _parser = new();

    [GlobalSetup]
    public void Setup()
    {
        var text = KubeProxyDump.Generate(300_000, out var rules);
        _input = new ParseInput("node/iptables-nft-save.txt", "node", text);
        Console.WriteLine($"// iptables-save input: {rules} rules, {text.Length / 1024 / 1024} MiB of text");
    }

    [Benchmark]
    public int Parse300kRules() => _parser.Parse(_input).Facts.Count;
}
