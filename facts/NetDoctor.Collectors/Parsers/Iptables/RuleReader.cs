using NetDoctor.Collectors.Parsing;
using NetDoctor.Facts;

namespace NetDoctor.Collectors.Parsers.Iptables;

/// <summary>
/// Turns the words of one rule (after "-A CHAIN") into structured matches and a target.
/// One instance per parse: it reuses its buffers across the hundreds of thousands of rules of a big dump.
/// </summary>
internal sealed class RuleReader
{
    private readonly StringPool _pool;
    private readonly List<RuleToken> _tokens = new(64);
    private readonly List<ModuleOption> _options = new(8);
    private readonly MatchBuilder _matches;
    private readonly List<IptablesMatch> _found = new(16);
    private readonly SpanCache<IptablesMatch> _core = new();
    private readonly SpanCache<IptablesMatch[]> _groups = new();
    private readonly SpanCache<IptablesTarget> _targets = new();

    public RuleReader(StringPool pool)
    {
        _pool = pool;
        _matches = new MatchBuilder(pool);
    }

    public readonly record struct Rule(IReadOnlyList<IptablesMatch> Matches, IptablesTarget Target, long? Packets, long? Bytes);

    /// <summary>
    /// Reads the rule words in <paramref name="text"/>[<paramref name="from"/>..<paramref name="to"/>) — the text may be a
    /// whole dump; every offset stays relative to it. Complaints go to <paramref name="problems"/> at <paramref name="at"/>.
    /// </summary>
    public Rule Read(string text, int from, int to, ParseResult problems, Source at)
    {
        if (!RuleTokenizer.Tokenize(text, from, to, _tokens))
            problems.Problem(at, "unterminated quote; the rest of the line was read as one value");

        var matches = _found;
        matches.Clear();
        var target = IptablesTarget.NoTarget;
        long? packets = null, bytes = null;
        string? module = null, implicitModule = null;
        int moduleStart = 0;
        bool negate = false;
        int negateStart = 0;
        var t = _tokens;

        int i = 0;
        while (i < t.Count)
        {
            var tok = t[i];
            if (tok.IsBang(text))
            {
                negate = true;
                negateStart = tok.Start;
                i++;
                continue;
            }
            int optStart = negate ? negateStart : tok.Start;
            if (!tok.IsOption(text))
            {
                // A value where an option was expected: keep it, never drop it.
                matches.Add(new RawMatch(module) { Text = _pool.Get(text.AsSpan(optStart, tok.End - optStart)), Negated = negate });
                negate = false;
                i++;
                continue;
            }

            var word = tok.Span(text);
            if (word is "-s" or "--source" or "--src" or "-d" or "--destination" or "--dst" or "-i" or "--in-interface"
                or "-o" or "--out-interface" or "-p" or "--protocol")
            {
                // A core option ends the module group before it, so matches stay in written order.
                Flush(text, module, moduleStart, matches, problems, at);
                module = null;
            }
            switch (word)
            {
                case "-m" or "--match":
                    Flush(text, module, moduleStart, matches, problems, at);
                    module = i + 1 < t.Count ? _pool.Get(t[i + 1].Value(text)) : "";
                    moduleStart = tok.Start;
                    i += 2;
                    break;
                case "-s" or "--source" or "--src" or "-d" or "--destination" or "--dst":
                {
                    bool src = word is "-s" or "--source" or "--src";
                    int end = ValueEnd(t, i, text);
                    if (_core.TryGet(text.AsSpan(optStart, end - optStart), out var cachedAddr))
                    {
                        matches.Add(cachedAddr);
                        i += 2;
                        break;
                    }
                    var value = i + 1 < t.Count ? t[i + 1].Value(text) : default;
                    if (Cidr.TryParse(value, out var cidr))
                    {
                        var m = new AddressMatch(src ? Direction.Source : Direction.Destination, cidr) { Negated = negate, Text = text[optStart..end] };
                        _core.Add(m.Text, m);
                        matches.Add(m);
                    }
                    else
                    {
                        problems.Problem(at, $"cannot read address '{Snippet.Of(value)}' of {word}; kept verbatim");
                        matches.Add(new RawMatch(null) { Negated = negate, Text = _pool.Get(text.AsSpan(optStart, end - optStart)) });
                    }
                    i += 2;
                    break;
                }
                case "-i" or "--in-interface" or "-o" or "--out-interface":
                {
                    bool input = word is "-i" or "--in-interface";
                    int end = ValueEnd(t, i, text);
                    if (!_core.TryGet(text.AsSpan(optStart, end - optStart), out var m))
                    {
                        var name = i + 1 < t.Count ? _pool.Get(t[i + 1].Value(text)) : "";
                        m = new InterfaceMatch(input, name) { Negated = negate, Text = text[optStart..end] };
                        _core.Add(m.Text, m);
                    }
                    matches.Add(m);
                    i += 2;
                    break;
                }
                case "-p" or "--protocol":
                {
                    int end = ValueEnd(t, i, text);
                    if (!_core.TryGet(text.AsSpan(optStart, end - optStart), out var m))
                    {
                        m = new ProtocolMatch(i + 1 < t.Count ? _pool.Get(t[i + 1].Value(text)) : "") { Negated = negate, Text = text[optStart..end] };
                        _core.Add(m.Text, m);
                    }
                    matches.Add(m);
                    var proto = ((ProtocolMatch)m).Protocol;
                    // "-p tcp --dport 80" without "-m tcp": the protocol's own match is implied.
                    implicitModule = proto.ToLowerInvariant() is "tcp" or "udp" or "sctp" or "udplite" ? proto.ToLowerInvariant() : null;
                    i += 2;
                    break;
                }
                case "-c" or "--set-counters":
                    if (i + 2 < t.Count && Numbers.TryParseLong(t[i + 1].Span(text), out var p) && Numbers.TryParseLong(t[i + 2].Span(text), out var b))
                    {
                        packets = p;
                        bytes = b;
                        i += 3;
                    }
                    else
                    {
                        problems.Problem(at, "cannot read the counters after -c");
                        i++;
                    }
                    break;
                case "-j" or "--jump" or "-g" or "--goto":
                    Flush(text, module, moduleStart, matches, problems, at);
                    module = null;
                    i = ReadTarget(text, i, word is "-g" or "--goto", problems, at, out target);
                    break;
                default:
                    if (word.StartsWith("--") && (module ?? implicitModule) is not null)
                    {
                        if (module is null)
                        {
                            module = implicitModule;
                            moduleStart = optStart;
                        }
                        int count = CountValues(t, i + 1, text);
                        _options.Add(new ModuleOption(_pool.Get(word), negate, i + 1, count, optStart, count > 0 ? t[i + count].End : tok.End));
                        i += 1 + count;
                    }
                    else
                    {
                        // An option this reader does not know (-f, -4, a stray module option): verbatim.
                        int count = CountValues(t, i + 1, text);
                        matches.Add(new RawMatch(module) { Negated = negate, Text = _pool.Get(text.AsSpan(optStart, (count > 0 ? t[i + count].End : tok.End) - optStart)) });
                        i += 1 + count;
                    }
                    break;
            }
            negate = false;
        }
        Flush(text, module, moduleStart, matches, problems, at);
        // An exact-size array: hundreds of thousands of rules each keep their list.
        var array = matches.Count == 0 ? [] : new IptablesMatch[matches.Count];
        matches.CopyTo(array);
        return new Rule(array, target, packets, bytes);
    }

    private void Flush(string text, string? module, int moduleStart, List<IptablesMatch> matches, ParseResult problems, Source at)
    {
        if (module is null) return;
        // The whole group ("-m comment --comment \"...\"", "-m statistic --mode random --probability 0.5") is the key;
        // an implicit protocol module has no "-m" text of its own, so the module name is part of the key.
        int end = _options.Count > 0 ? _options[^1].TextEnd : moduleStart;
        var key = text.AsSpan(moduleStart, Math.Max(0, end - moduleStart));
        bool cacheable = key.StartsWith("-m ") && key.Length > 3;
        if (cacheable && _groups.TryGet(key, out var cached))
        {
            matches.AddRange(cached);
        }
        else
        {
            int before = matches.Count, problemsBefore = problems.Problems.Count;
            _matches.Build(text, module, moduleStart, _tokens, _options, matches, problems, at);
            // Only a group read without complaint is reused: its problems must be reported at every line it appears on.
            if (cacheable && problems.Problems.Count == problemsBefore)
                _groups.Add(key, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(matches)[before..].ToArray());
        }
        _options.Clear();
    }

    private int ReadTarget(string text, int i, bool isGoto, ParseResult problems, Source at, out IptablesTarget target)
    {
        var t = _tokens;
        int nameIdx = i + 1;
        if (nameIdx >= t.Count)
        {
            problems.Problem(at, "target name missing after -j/-g");
            target = IptablesTarget.NoTarget;
            return t.Count;
        }
        int j = nameIdx + 1;
        // Target options run to the end of the rule (iptables-save always writes the target last); a core
        // option after them (hand-written rules) ends the target.
        while (j < t.Count && !IsCoreOption(t[j].Span(text), t[j].Quoted)) j++;
        var key = text.AsSpan(t[i].Start, t[j - 1].End - t[i].Start);
        if (_targets.TryGet(key, out target)) return j;
        int problemsBefore = problems.Problems.Count;
        target = TargetBuilder.Build(text, t, i, nameIdx, j, isGoto, _pool, problems, at);
        if (problems.Problems.Count == problemsBefore) _targets.Add(target.Text, target);
        return j;
    }

    private static bool IsCoreOption(ReadOnlySpan<char> w, bool quoted) =>
        !quoted && w is "-m" or "-s" or "-d" or "-i" or "-o" or "-p" or "-j" or "-g" or "-c";

    private static int ValueEnd(List<RuleToken> t, int i, string text) => i + 1 < t.Count ? t[i + 1].End : t[i].End;

    /// <summary>How many value words follow an option (up to the next option or '!').</summary>
    private static int CountValues(List<RuleToken> t, int from, string text)
    {
        int n = 0;
        while (from + n < t.Count && !t[from + n].IsOption(text) && !t[from + n].IsBang(text)) n++;
        return n;
    }
}
