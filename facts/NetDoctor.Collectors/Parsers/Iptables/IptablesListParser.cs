using System.Globalization;
using NetDoctor.Collectors.Parsing;
using NetDoctor.Facts;

namespace NetDoctor.Collectors.Parsers.Iptables;

/// <summary>
/// `iptables -L -n [-v] [-x] [--line-numbers]` listings, as pasted in incident write-ups
/// ("Chain cali-pri-k8s_ns.default (1 references)" followed by rule rows). Columns are found from the header row;
/// the free-text tail of a row (comments, match-set, dpt:, to:...) is read by <see cref="ListingExtras"/>.
/// A listing does not name its table: it is taken from a "# iptables -t nat -L" comment, else "filter" as iptables does.
/// </summary>
public sealed class IptablesListParser : IFormatParser
{
    public string Kind => "iptables-list";

    public int Sniff(string fileName, string head)
    {
        if (Path.GetFileName(fileName) is "iptables-list.txt") return 100;
        bool chain = false, columns = false;
        TextLines.ForEach(head, (_, l) =>
        {
            if (l.StartsWith("Chain ") && (l.Contains("(policy ", StringComparison.Ordinal) || l.Contains(" references)", StringComparison.Ordinal))) chain = true;
            if (l.Contains("target", StringComparison.Ordinal) && l.Contains("prot", StringComparison.Ordinal) && l.Contains("source", StringComparison.Ordinal)) columns = true;
        });
        return chain && columns ? 90 : chain ? 60 : 0;
    }

    public ParseResult Parse(ParseInput input)
    {
        var reader = new Reader(input);
        TextLines.ForEach(input.Text, reader.Line);
        return reader.Result;
    }

    private sealed class Reader(ParseInput input)
    {
        public ParseResult Result { get; } = new();
        private readonly StringPool _pool = new();
        private string? _chain;
        private string _table = "filter";
        private int _position;
        private bool _num, _counters, _interfaces;

        public void Line(int n, ReadOnlySpan<char> raw)
        {
            // Listings pasted through web pages carry no-break spaces between the columns.
            var t = raw.Contains('\u00A0') ? raw.ToString().Replace('\u00A0', ' ').AsSpan().Trim() : raw.Trim();
            if (t.IsEmpty) return;
            if (t[0] == '#')
            {
                int i = t.IndexOf(" -t ", StringComparison.Ordinal);
                if (i >= 0) _table = _pool.Get(new Words(t[(i + 4)..]).NextOrEmpty());
                return;
            }
            if (t.StartsWith("Chain "))
            {
                Chain(n, t);
                return;
            }
            if (t.Contains("target", StringComparison.Ordinal) && t.Contains("prot", StringComparison.Ordinal) && t.Contains("source", StringComparison.Ordinal))
            {
                _num = t.StartsWith("num");
                _counters = t.Contains("pkts", StringComparison.Ordinal);
                _interfaces = t.Contains(" in ", StringComparison.Ordinal);
                return;
            }
            if (_chain is null)
            {
                Result.Problem(input.At(n), $"rule row before any 'Chain' header: '{Snippet.Of(t)}'");
                return;
            }
            Rule(n, t.ToString());
        }

        /// <summary>"Chain INPUT (policy ACCEPT 12 packets, 3400 bytes)" / "Chain X (2 references)".</summary>
        private void Chain(int n, ReadOnlySpan<char> t)
        {
            var w = new Words(t["Chain ".Length..]);
            var name = w.NextOrEmpty();
            var rest = w.Rest;
            if (name.IsEmpty || !rest.StartsWith('('))
            {
                Result.Problem(input.At(n), $"bad chain header '{Snippet.Of(t)}'");
                _chain = null;
                return;
            }
            _chain = _pool.Get(name);
            _position = 0;
            TargetKind? policy = null;
            long? packets = null, bytes = null;
            if (rest.StartsWith("(policy "))
            {
                var pw = new Words(rest["(policy ".Length..]);
                policy = pw.NextOrEmpty() switch { "ACCEPT" => TargetKind.Accept, "DROP" => TargetKind.Drop, "RETURN" => TargetKind.Return, _ => TargetKind.Other };
                if (TryCount(pw.NextOrEmpty(), out var p)) packets = p;
                pw.NextOrEmpty();
                if (TryCount(pw.NextOrEmpty(), out var b)) bytes = b;
            }
            Result.Add(new IptablesChain
            {
                Table = _table,
                Name = _chain,
                Policy = policy,
                Packets = packets,
                Bytes = bytes,
                Node = input.Node,
                Source = input.At(n),
            });
        }

        private void Rule(int n, string text)
        {
            var at = input.At(n);
            // Walk the fixed columns word by word, remembering where the free-text tail starts.
            int pos = 0;
            string Next()
            {
                while (pos < text.Length && text[pos] is ' ' or '\t') pos++;
                int s = pos;
                while (pos < text.Length && text[pos] is not (' ' or '\t')) pos++;
                return text[s..pos];
            }
            int position = _position + 1;
            if (_num && !int.TryParse(Next(), NumberStyles.None, CultureInfo.InvariantCulture, out position))
            {
                Result.Problem(at, $"rule row without a number: '{Snippet.Of(text)}'");
                return;
            }
            long? packets = null, bytes = null;
            if (_counters)
            {
                if (!TryCount(Next(), out var p) || !TryCount(Next(), out var b))
                {
                    Result.Problem(at, $"rule row without counters: '{Snippet.Of(text)}'");
                    return;
                }
                packets = p;
                bytes = b;
            }
            // target is optional: a row without one has the protocol where the target would be, then "opt".
            int afterCounters = pos;
            var first = Next();
            var second = Next();
            var third = Next();
            string? targetName;
            string prot;
            if (IsOpt(third)) { targetName = first; prot = second; }
            else if (IsOpt(second)) { targetName = null; prot = first; pos = afterCounters; Next(); Next(); }
            else
            {
                Result.Problem(at, $"cannot find the target/prot/opt columns in '{Snippet.Of(text)}'");
                return;
            }
            string? inIf = null, outIf = null;
            if (_interfaces)
            {
                inIf = Next();
                outIf = Next();
            }
            var src = Next();
            var dst = Next();
            if (src.Length == 0 || dst.Length == 0)
            {
                Result.Problem(at, $"rule row is cut short: '{Snippet.Of(text)}'");
                return;
            }
            var matches = new List<IptablesMatch>(4);
            AddProtocol(prot, matches);
            if (inIf is not null) AddInterface(inIf, true, matches);
            if (outIf is not null) AddInterface(outIf, false, matches);
            AddAddress(src, Direction.Source, matches, at);
            AddAddress(dst, Direction.Destination, matches, at);
            var target = targetName is null ? IptablesTarget.NoTarget : Target(targetName);
            _position = position;
            ListingExtras.Read(text, pos, matches, ref target, _pool);
            Result.Add(new IptablesRule
            {
                Table = _table,
                Chain = _chain!,
                Position = position,
                Matches = matches,
                Target = target,
                Packets = packets,
                Bytes = bytes,
                Text = text,
                Node = input.Node,
                Source = at,
            });
        }

        private IptablesTarget Target(string name)
        {
            var kind = TargetBuilder.KindOf(name);
            return new IptablesTarget { Kind = kind, Name = _pool.Get(name), Text = name };
        }

        private void AddProtocol(string prot, List<IptablesMatch> matches)
        {
            bool neg = prot.StartsWith('!');
            var p = neg ? prot[1..] : prot;
            // Newer iptables print numbers in listings; name the common ones as iptables-save does.
            p = p switch { "0" or "all" => "", "1" => "icmp", "4" => "ipencap", "6" => "tcp", "17" => "udp", "58" => "ipv6-icmp", "132" => "sctp", _ => p };
            if (p.Length > 0) matches.Add(new ProtocolMatch(_pool.Get(p)) { Negated = neg, Text = prot });
        }

        private void AddInterface(string name, bool input, List<IptablesMatch> matches)
        {
            if (name is "*" or "any") return;
            bool neg = name.StartsWith('!');
            matches.Add(new InterfaceMatch(input, _pool.Get(neg ? name[1..] : name)) { Negated = neg, Text = name });
        }

        private void AddAddress(string text, Direction dir, List<IptablesMatch> matches, Source at)
        {
            bool neg = text.StartsWith('!');
            var value = neg ? text[1..] : text;
            if (!Cidr.TryParse(value, out var cidr))
            {
                Result.Problem(at, $"bad {(dir == Direction.Source ? "source" : "destination")} '{Snippet.Of(text)}'");
                matches.Add(new RawMatch(null) { Negated = neg, Text = text });
                return;
            }
            // "0.0.0.0/0" / "::/0" is the listing's way of saying "any": no condition.
            if (cidr.IsDefault && !neg) return;
            matches.Add(new AddressMatch(dir, cidr) { Negated = neg, Text = text });
        }

        private static bool IsOpt(string s) => s is "--" or "-f" or "!f" or "opt";

        /// <summary>Counters as listed: plain, or abbreviated with K/M/G/T without -x.</summary>
        private static bool TryCount(ReadOnlySpan<char> s, out long value)
        {
            value = 0;
            if (s.IsEmpty) return false;
            long mult = char.ToUpperInvariant(s[^1]) switch { 'K' => 1_000, 'M' => 1_000_000, 'G' => 1_000_000_000, 'T' => 1_000_000_000_000, _ => 1 };
            if (mult != 1) s = s[..^1];
            if (!long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out value)) return false;
            value *= mult;
            return true;
        }
    }
}
