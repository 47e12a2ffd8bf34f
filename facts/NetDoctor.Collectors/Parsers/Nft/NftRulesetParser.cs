using System.Text.RegularExpressions;
using NetDoctor.Collectors.Parsing;
using NetDoctor.Facts;

namespace NetDoctor.Collectors.Parsers.Nft;

/// <summary>
/// `nft list ruleset` (and `nft list table …`), as the collector saves it, as calicoctl node diags has it (nft_ruleset) and
/// as people paste it with the command above. Gives <see cref="NftTable"/>, <see cref="NftChain"/> (hook, type, priority,
/// policy), <see cref="NftRule"/>, <see cref="NftSet"/> and <see cref="NftSetElement"/> facts, each at its line. Calico's
/// nftables dataplane (table "calico") is also read as the iptables and ipset facts it stands for, so the rules written for
/// Felix's iptables chains and ipsets see it too (<see cref="CalicoNftMapping"/>).
/// </summary>
public sealed partial class NftRulesetParser : IFormatParser
{
    /// <summary>Longer than any rule nft prints for a real ruleset (anonymous sets of thousands of elements stay far below).</summary>
    private const int MaxLine = 1024 * 1024;

    private static readonly HashSet<string> SetKeywords = new(StringComparer.Ordinal)
    {
        "type", "typeof", "flags", "comment", "size", "timeout", "gc-interval", "policy", "auto-merge", "counter", "elements",
    };

    public string Kind => "nft-ruleset";

    public int Sniff(string fileName, string head)
    {
        if (Path.GetFileName(fileName) is "nft-ruleset.txt" or "nft_ruleset") return 100;
        if (TableRegex().IsMatch(head)) return 90;
        return 0;
    }

    public ParseResult Parse(ParseInput input)
    {
        var result = new ParseResult();
        var state = new NftParseState(input, result);
        foreach (var (number, raw) in TextLines.Split(PastedCommand.Blank(input.Text)))
        {
            if (raw.Length > MaxLine)
            {
                result.Problem(input.At(number), $"line of {raw.Length} characters is too long for nft output: {Snippet.Of(raw)}");
                continue;
            }
            var line = raw.Trim();
            if (state.InElements)
            {
                state.ContinueElements(line, number);
                continue;
            }
            if (line.Length == 0 || line.StartsWith('#')) continue;
            Read(line, number, state);
        }
        state.End();
        return result;
    }

    private static void Read(string line, int number, NftParseState state)
    {
        var input = state.Input;
        if (line == "}")
        {
            state.Close(number);
            return;
        }
        var words = line.Split((char[]?)null, 4, StringSplitOptions.RemoveEmptyEntries);
        switch (state.Level)
        {
            case NftLevel.Top:
                var table = TableRegex().Match(line);
                if (table.Success) state.OpenTable(table.Groups[1].Value, NftRuleReader.Unquote(table.Groups[2].Value), number);
                else state.Result.Problem(input.At(number), $"not nft ruleset output (expected \"table <family> <name> {{\"): {Snippet.Of(line)}");
                return;
            case NftLevel.Table:
                var block = BlockRegex().Match(line);
                if (block.Success)
                {
                    var kind = block.Groups[1].Value;
                    var blockName = NftRuleReader.Unquote(block.Groups[2].Value);
                    if (kind == "chain") state.OpenChain(blockName, number);
                    else if (kind is "set" or "map") state.OpenSet(blockName, kind == "map", number);
                    else state.OpenOther(number);
                    return;
                }
                if (words[0] is "comment" or "flags") { state.TableSetting(words[0], line, number); return; }
                state.Result.Problem(input.At(number), $"not part of an nft table: {Snippet.Of(line)}");
                return;
            case NftLevel.Chain:
                if (words[0] == "type" && line.Contains(" hook ", StringComparison.Ordinal)) { state.ChainType(line, number); return; }
                if (words[0] == "comment" && words.Length == 2 && line.EndsWith('"')) { state.ChainComment(NftRuleReader.Unquote(line[8..].Trim())); return; }
                if (words[0] == "policy") { state.ChainType(line, number); return; }
                if (!NftStatements.StartsRule(words[0]))
                {
                    state.Result.Problem(input.At(number), $"not an nft rule: {Snippet.Of(line)}");
                    return;
                }
                state.Rule(line, number);
                return;
            case NftLevel.Set:
                if (!SetKeywords.Contains(words[0]))
                {
                    state.Result.Problem(input.At(number), $"not part of an nft set: {Snippet.Of(line)}");
                    return;
                }
                state.SetLine(words[0], line, number);
                return;
            case NftLevel.Other:
                state.OtherLine(line);
                return;
        }
    }

    [GeneratedRegex(@"^\s*table\s+(ip|ip6|inet|arp|bridge|netdev)\s+(""[^""]+""|\S+)\s*\{\s*$", RegexOptions.Multiline)]
    private static partial Regex TableRegex();

    [GeneratedRegex(@"^(chain|set|map|flowtable|counter|quota|limit|ct\s+helper|ct\s+timeout|ct\s+expectation|secmark|synproxy)\s+(""[^""]+""|\S+)\s*\{$")]
    private static partial Regex BlockRegex();
}
