namespace NetDoctor.Collectors.Parsers.Nft;

/// <summary>
/// Cuts an nft rule into its statements as nft prints them: each starts with a statement keyword ("ip", "meta", "ct",
/// "jump", "masquerade", "comment"…) unless the word continues an expression ("ip daddr . meta l4proto", "meta mark set
/// meta mark | 0x4000", "reject with icmp type …"). Braced anonymous sets and verdict maps stay inside their statement.
/// </summary>
public static class NftStatements
{
    public static readonly HashSet<string> Heads = new(StringComparer.Ordinal)
    {
        "ip", "ip6", "inet", "iifname", "oifname", "iif", "oif", "iiftype", "oiftype", "meta", "tcp", "udp", "udplite", "sctp", "dccp",
        "th", "ct", "fib", "mark", "numgen", "jhash", "symhash", "xt", "counter", "log", "limit", "quota", "comment", "accept",
        "drop", "reject", "return", "jump", "goto", "queue", "continue", "masquerade", "snat", "dnat", "redirect", "notrack",
        "ether", "vlan", "arp", "icmp", "icmpv6", "ah", "esp", "socket", "rt", "ipsec", "flow", "tproxy", "synproxy", "dup",
        "fwd", "osf", "exthdr", "hbh", "frag", "dst", "mh", "srh", "tunnel", "cgroupv2", "@th", "@nh", "@ll",
    };

    /// <summary>After these words the next word belongs to the same expression, even when it is a statement keyword.</summary>
    private static readonly HashSet<string> Joiners = new(StringComparer.Ordinal)
    {
        ".", "set", "with", "snat", "dnat", "to", "&", "|", "^", "==", "!=", "<", ">", "<=", ">=", "vmap", "map", "and", "or", "xor",
        "prefix", "level", "type", "meta", "ct", "l4proto", "protocol", "nexthdr", "fib",
    };

    public static bool StartsRule(string firstWord) => Heads.Contains(firstWord);

    /// <summary>The words of a rule; quoted strings and braced groups are one word each.</summary>
    public static List<string> Words(string text)
    {
        var words = new List<string>();
        int i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            if (i >= text.Length) break;
            int start = i;
            if (text[i] == '"')
            {
                i++;
                while (i < text.Length && text[i] != '"') i += text[i] == '\\' ? 2 : 1;
                i = Math.Min(text.Length, i + 1);
            }
            else if (text[i] == '{')
            {
                int depth = 0;
                for (; i < text.Length; i++)
                {
                    if (text[i] == '{')
                    {
                        depth++;
                    }
                    else if (text[i] == '}' && --depth == 0) { i++; break; }
                }
            }
            else
            {
                while (i < text.Length && !char.IsWhiteSpace(text[i])) i++;
            }
            words.Add(text[start..i]);
        }
        return words;
    }

    public static List<string> Split(List<string> words)
    {
        var statements = new List<string>();
        var current = new List<string>();
        for (int i = 0; i < words.Count; i++)
        {
            var word = words[i];
            // "xt match set" / "xt target MASQUERADE": an iptables-nft extension nft cannot show, always three words.
            bool xtDone = current.Count == 3 && current[0] == "xt";
            bool continues = current.Count > 0 && !xtDone && (current[0] == "xt" || Joiners.Contains(current[^1]) || !Heads.Contains(word));
            if (!continues && current.Count > 0)
            {
                statements.Add(string.Join(' ', current));
                current.Clear();
            }
            current.Add(word);
        }
        if (current.Count > 0) statements.Add(string.Join(' ', current));
        return statements;
    }
}
