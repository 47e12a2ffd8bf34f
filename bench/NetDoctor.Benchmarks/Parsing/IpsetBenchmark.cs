using BenchmarkDotNet.Attributes;
using NetDoctor.Collectors.Parsers.Ipset;
using NetDoctor.Collectors.Parsing;

namespace NetDoctor.Benchmarks.Parsing;

/// <summary>A 100,000-member hash:net set through the `ipset list` and `ipset save` parsers.</summary>
[ParsingJob]
public class ParsingIpsetBenchmark
{
    private ParseInput list = null!, save = null!;
    private readonly IpsetListParser listParser = new();
    private readonly IpsetSaveParser saveParser = new();

    [GlobalSetup]
    public void Setup()
    {
        list = new ParseInput("node/ipset-list.txt", "node", IpsetDump.List(100_000));
        save = new ParseInput("node/ipset-save.txt", "node", IpsetDump.Save(100_000));
    }

    [Benchmark]
    public int List100kMembers() => listParser.Parse(list).Facts.Count;

    [Benchmark]
    public int Save100kMembers() => saveParser.Parse(save).Facts.Count;
}
