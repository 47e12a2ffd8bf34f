using BenchmarkDotNet.Attributes;
using NetDoctor.Collectors.Parsers.Ipset;
using NetDoctor.Collectors.Parsing;

namespace NetDoctor.Benchmarks.Parsing;

/// <summary>A 100,000-member hash:net set through the `ipset list` and `ipset save` parsers.</summary>
[ParsingJob]
public class ParsingIpsetBenchmark
{
    private ParseInput _list = null!, _save = null!;
    private readonly IpsetListParser _listParser = new();
    private readonly IpsetSaveParser _saveParser = new();

    [GlobalSetup]
    public void Setup()
    {
        _list = new ParseInput("node/ipset-list.txt", "node", IpsetDump.List(100_000));
        _save = new ParseInput("node/ipset-save.txt", "node", IpsetDump.Save(100_000));
    }

    [Benchmark]
    public int List100kMembers() => _listParser.Parse(_list).Facts.Count;

    [Benchmark]
    public int Save100kMembers() => _saveParser.Parse(_save).Facts.Count;
}
