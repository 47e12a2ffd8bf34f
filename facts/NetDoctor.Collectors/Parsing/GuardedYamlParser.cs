using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace NetDoctor.Collectors.Parsing;

/// <summary>
/// The one gate every YAML/JSON document of a bundle passes before YamlDotNet builds a tree from it. YamlDotNet's
/// loader recurses once per nesting level (65,000 "[" overflow the stack, which no catch survives) and shares one node
/// for every alias, so walking the tree expands a 2 KB "billion laughs" into gigabytes. Streaming the events here,
/// iteratively, stops both before any tree exists. A repeated mapping key would make the loader throw and lose the whole
/// document (a kubectl List with all its items); here the repeat is dropped and reported, and the rest is kept.
/// </summary>
internal sealed class GuardedYamlParser(IParser inner) : IParser
{
    /// <summary>Deeper than any Kubernetes object (about 20) by far, shallow enough for the loader's recursion.</summary>
    public const int MaxDepth = 128;

    /// <summary>Nodes plus scalar characters that aliases may add to a document; kubectl output has no aliases at all,
    /// hand-written configs use a few `&lt;&lt;: *defaults`.</summary>
    public const long MaxAliasExpansion = 1_000_000;

    private readonly Stack<Frame> _open = new();
    private readonly Dictionary<string, long> _anchorWeights = new(StringComparer.Ordinal);
    private long _expansion;

    /// <summary>Repeated keys met so far, with the line of the repeat; the first value is the one kept.</summary>
    public List<(int Line, string Message)> Warnings { get; } = [];

    public ParsingEvent? Current => inner.Current;

    public bool MoveNext()
    {
        while (inner.MoveNext())
        {
            if (inner.Current is not { } e) return true;
            if (_open.TryPeek(out var top) && top.SkipNext)
            {
                top.SkipNext = false;
                SkipNode(e);
                top.Children++;
                continue;
            }
            switch (e)
            {
                case MappingStart or SequenceStart:
                    if (_open.Count >= MaxDepth)
                        throw new YamlLimitException(Line(e), $"nesting deeper than {MaxDepth} levels");
                    _open.Push(new Frame(e is MappingStart, ((NodeEvent)e).Anchor.IsEmpty ? null : ((NodeEvent)e).Anchor.Value));
                    return true;
                case MappingEnd or SequenceEnd:
                    var done = _open.Pop();
                    Completed(done.Anchor, done.Weight);
                    return true;
                case Scalar scalar:
                    if (IsRepeatedKey(scalar)) continue;
                    Completed(scalar.Anchor.IsEmpty ? null : scalar.Anchor.Value, 1 + scalar.Value.Length);
                    return true;
                case AnchorAlias alias:
                    long weight = _anchorWeights.GetValueOrDefault(alias.Value.Value, 1);
                    _expansion = Math.Min(long.MaxValue / 2, _expansion + weight);
                    if (_expansion > MaxAliasExpansion)
                        throw new YamlLimitException(Line(e), $"aliases expand to more than {MaxAliasExpansion:N0} nodes and characters (a \"billion laughs\" document)");
                    Completed(null, weight);
                    return true;
                default:
                    return true;
            }
        }
        return false;
    }

    /// <summary>A scalar in key position already seen in its mapping: drop it and the value that follows.</summary>
    private bool IsRepeatedKey(Scalar scalar)
    {
        if (!_open.TryPeek(out var map) || !map.IsMapping || map.Children % 2 != 0) return false;
        if (map.Keys.TryAdd(scalar.Value, Line(scalar))) return false;
        Warnings.Add((Line(scalar), $"duplicate key '{Snippet.Of(scalar.Value)}' (first at line {map.Keys[scalar.Value]}); the first value is kept"));
        map.Children++;
        map.SkipNext = true;
        return true;
    }

    /// <summary>Drops one node: a scalar or alias, or a collection with everything in it.</summary>
    private void SkipNode(ParsingEvent first)
    {
        if (first is not (MappingStart or SequenceStart)) return;
        long nesting = 1;
        while (nesting > 0 && inner.MoveNext())
        {
            if (inner.Current is MappingStart or SequenceStart) nesting++;
            else if (inner.Current is MappingEnd or SequenceEnd) nesting--;
        }
    }

    private void Completed(string? anchor, long weight)
    {
        if (anchor is not null) _anchorWeights[anchor] = weight;
        if (!_open.TryPeek(out var parent)) return;
        parent.Weight = Math.Min(long.MaxValue / 2, parent.Weight + weight);
        parent.Children++;
    }

    private static int Line(ParsingEvent e) => (int)Math.Max(1, e.Start.Line);

    private sealed class Frame(bool isMapping, string? anchor)
    {
        public bool IsMapping { get; } = isMapping;
        public string? Anchor { get; } = anchor;
        public long Weight { get; set; } = 1;
        public int Children { get; set; }
        public bool SkipNext { get; set; }
        public Dictionary<string, int> Keys => _keys ??= new(StringComparer.Ordinal);

        private Dictionary<string, int>? _keys;
    }
}

/// <summary>A document over one of <see cref="GuardedYamlParser"/>'s limits, at the line where it went over.</summary>
internal sealed class YamlLimitException(int line, string message) : Exception(message)
{
    public int Line { get; } = line;
}
