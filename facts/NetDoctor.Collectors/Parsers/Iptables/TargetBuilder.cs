using NetDoctor.Collectors.Parsing;
using NetDoctor.Facts;

namespace NetDoctor.Collectors.Parsers.Iptables;

/// <summary>Reads "-j NAME [options]" into a typed <see cref="IptablesTarget"/>; unmodelled options are kept verbatim.</summary>
internal static class TargetBuilder
{
    /// <summary>Target extensions that are not chains, so "-j CT" is not mistaken for a jump to a user chain.</summary>
    private static readonly HashSet<string> Extensions = new(StringComparer.Ordinal)
    {
        "CT", "NOTRACK", "TCPMSS", "REDIRECT", "CONNMARK", "TPROXY", "NFLOG", "ULOG", "NFQUEUE", "QUEUE", "CLASSIFY",
        "DSCP", "TOS", "TTL", "HL", "SET", "CHECKSUM", "TRACE", "CLUSTERIP", "AUDIT", "CONNSECMARK", "SECMARK", "NETMAP",
        "TEE", "IDLETIMER", "LED", "RATEEST", "SYNPROXY", "HMARK", "TCPOPTSTRIP", "ECN", "DNPT", "SNPT", "MIRROR", "SAME",
    };

    /// <summary>What a target name stands for: a built-in verdict, a known extension, or (anything else) a user chain.</summary>
    public static TargetKind KindOf(string name) => name switch
    {
        "ACCEPT" => TargetKind.Accept,
        "DROP" => TargetKind.Drop,
        "REJECT" => TargetKind.Reject,
        "RETURN" => TargetKind.Return,
        "MARK" => TargetKind.Mark,
        "MASQUERADE" => TargetKind.Masquerade,
        "SNAT" => TargetKind.Snat,
        "DNAT" => TargetKind.Dnat,
        "LOG" => TargetKind.Log,
        _ when Extensions.Contains(name) => TargetKind.Other,
        _ => TargetKind.Jump,
    };

    /// <summary>The typed arguments gathered before the one immutable target is built.</summary>
    private struct Fields
    {
        public MarkOperation? MarkOperation;
        public uint? MarkValue, MarkMask;
        public bool RandomFully, Random, Persistent;
        public string? ToPorts, ToSource, ToDestination, RejectWith, LogPrefix;
    }

    public static IptablesTarget Build(string text, List<RuleToken> t, int optionIdx, int nameIdx, int endIdx, bool isGoto,
        StringPool pool, ParseResult problems, Source at)
    {
        var name = pool.Get(t[nameIdx].Value(text));
        var kind = isGoto ? TargetKind.Goto : KindOf(name);
        var f = new Fields();
        List<string>? options = null;
        int i = nameIdx + 1;
        while (i < endIdx)
        {
            int start = i;
            var opt = t[i].Span(text);
            int count = 0;
            while (i + 1 + count < endIdx && !t[i + 1 + count].IsOption(text)) count++;
            var value = count >= 1 ? t[i + 1].Value(text) : default;
            i += 1 + count;
            if (!TryApply(ref f, kind, opt, value, count, pool))
            {
                (options ??= []).Add(text[t[start].Start..t[i - 1].End]);
                // A misspelt option of a target we model ("--randomm-fully") changes meaning: say so.
                if (kind is TargetKind.Masquerade or TargetKind.Snat or TargetKind.Dnat or TargetKind.Mark or TargetKind.Reject)
                    problems.Problem(at, $"{Snippet.Of(name)}: option {Snippet.Of(opt)} not understood; kept verbatim");
            }
        }
        return new IptablesTarget
        {
            Kind = kind,
            Name = name,
            Text = text[t[optionIdx].Start..t[endIdx - 1].End],
            MarkOperation = f.MarkOperation,
            MarkValue = f.MarkValue,
            MarkMask = f.MarkMask,
            RandomFully = f.RandomFully,
            Random = f.Random,
            Persistent = f.Persistent,
            ToPorts = f.ToPorts,
            ToSource = f.ToSource,
            ToDestination = f.ToDestination,
            RejectWith = f.RejectWith,
            LogPrefix = f.LogPrefix,
            Options = options ?? (IReadOnlyList<string>)[],
        };
    }

    private static bool TryApply(ref Fields f, TargetKind kind, ReadOnlySpan<char> opt, ReadOnlySpan<char> value, int count, StringPool pool)
    {
        switch (kind)
        {
            case TargetKind.Mark when count == 1:
            {
                MarkOperation? op = opt switch
                {
                    "--set-xmark" => MarkOperation.SetXMark,
                    "--set-mark" => MarkOperation.SetMark,
                    "--or-mark" => MarkOperation.Or,
                    "--and-mark" => MarkOperation.And,
                    "--xor-mark" => MarkOperation.Xor,
                    _ => null,
                };
                if (op is null || !Numbers.TryParseMark(value, out var v, out var m)) return false;
                (f.MarkOperation, f.MarkValue, f.MarkMask) = (op, v, m);
                return true;
            }
            case TargetKind.Masquerade or TargetKind.Snat or TargetKind.Dnat or TargetKind.Other:
                if (count == 0)
                {
                    switch (opt)
                    {
                        case "--random-fully": f.RandomFully = true; return true;
                        case "--random": f.Random = true; return true;
                        case "--persistent": f.Persistent = true; return true;
                    }
                    return false;
                }
                if (count != 1) return false;
                switch (opt)
                {
                    case "--to-ports": f.ToPorts = pool.Get(value); return true;
                    case "--to-source" when kind == TargetKind.Snat: f.ToSource = value.ToString(); return true;
                    case "--to-destination" when kind == TargetKind.Dnat: f.ToDestination = value.ToString(); return true;
                }
                return false;
            case TargetKind.Reject when count == 1 && opt is "--reject-with":
                f.RejectWith = pool.Get(value);
                return true;
            case TargetKind.Log when count == 1 && opt is "--log-prefix":
                f.LogPrefix = pool.Get(value);
                return true;
            default:
                return false;
        }
    }
}
