using System.Text.RegularExpressions;
using NetDoctor.Collectors.Parsing;
using NetDoctor.Facts;

namespace NetDoctor.Collectors.Parsers.Nft;

public enum NftLevel
{
    Top,
    Table,
    Chain,
    Set,
    /// <summary>A block read only to be skipped (flowtable, named counter, ct helper…).</summary>
    Other,
}

/// <summary>Where the nft reader is (table, chain or set) and what it has read so far; tables and chains become facts when they close.</summary>
public sealed partial class NftParseState(ParseInput input, ParseResult result)
{
    private string _family = "", _table = "";
    private int _tableLine, _tableChains, _tableRules, _tableSets;
    private string? _tableComment;
    private string _chain = "";
    private int _chainLine, _chainRules;
    private string? _chainType, _chainHook, _chainPriority, _chainPolicy, _chainComment;
    private string _set = "";
    private bool _isMap;
    private int _setLine;
    private string _setType = "";
    private string? _setComment;
    private List<string> _setFlags = [];
    private readonly List<NftSetElement> _elements = [];
    private System.Text.StringBuilder? _pendingElements;
    private int _pendingLine, _otherDepth;

    public ParseInput Input { get; } = input;
    public ParseResult Result { get; } = result;
    public NftLevel Level { get; private set; } = NftLevel.Top;
    public bool InElements => _pendingElements is not null;

    private CalicoNftMapping? _calico;

    public void OpenTable(string family, string name, int line)
    {
        (_family, _table, _tableLine, _tableChains, _tableRules, _tableSets, _tableComment) = (family, name, line, 0, 0, 0, null);
        _calico = CalicoNftMapping.For(family, name, Input, Result);
        Level = NftLevel.Table;
    }

    public void TableSetting(string keyword, string line, int number)
    {
        if (keyword == "comment") _tableComment = NftRuleReader.Unquote(line["comment".Length..].Trim());
    }

    public void OpenChain(string name, int line)
    {
        (_chain, _chainLine, _chainRules, _chainType, _chainHook, _chainPriority, _chainPolicy, _chainComment) = (name, line, 0, null, null, null, null, null);
        Level = NftLevel.Chain;
    }

    public void ChainType(string line, int number)
    {
        var match = ChainTypeRegex().Match(line);
        if (match.Groups["type"].Success) _chainType = match.Groups["type"].Value;
        if (match.Groups["hook"].Success) _chainHook = match.Groups["hook"].Value;
        if (match.Groups["priority"].Success) _chainPriority = match.Groups["priority"].Value.Trim();
        if (match.Groups["policy"].Success) _chainPolicy = match.Groups["policy"].Value;
        if (_chainHook is null && _chainPolicy is null) Result.Problem(Input.At(number), $"unreadable chain declaration: {Snippet.Of(line)}");
    }

    public void ChainComment(string comment) => _chainComment = comment;

    public void Rule(string text, int number)
    {
        _chainRules++;
        _tableRules++;
        var rule = NftRuleReader.Read(_family, _table, _chain, _chainRules, text, Input.At(number), Input.Node);
        Result.Add(rule);
        _calico?.Rule(rule);
    }

    public void OpenSet(string name, bool isMap, int line)
    {
        (_set, _isMap, _setLine, _setType, _setComment, _setFlags) = (name, isMap, line, "", null, []);
        _elements.Clear();
        Level = NftLevel.Set;
    }

    public void SetLine(string keyword, string line, int number)
    {
        var value = line[keyword.Length..].Trim();
        switch (keyword)
        {
            case "type" or "typeof": _setType = value; break;
            case "flags": _setFlags = value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList(); break;
            case "comment": _setComment = NftRuleReader.Unquote(value); break;
            case "elements":
                _pendingElements = new System.Text.StringBuilder(value.TrimStart('=').Trim());
                _pendingLine = number;
                FinishElementsIfClosed();
                break;
        }
    }

    /// <summary>nft wraps long element lists over several lines; they end with the brace that closes the list.</summary>
    public void ContinueElements(string line, int number)
    {
        if (line.Length > 0 && !ElementLineRegex().IsMatch(line))
        {
            Result.Problem(Input.At(number), $"not a set element: {Snippet.Of(line)}");
            return;
        }
        _pendingElements!.Append(' ').Append(line);
        FinishElementsIfClosed();
    }

    private void FinishElementsIfClosed()
    {
        var text = _pendingElements!.ToString();
        int depth = text.Count(c => c == '{') - text.Count(c => c == '}');
        if (depth > 0) return;
        _pendingElements = null;
        foreach (var (key, value) in NftElements.Split(text))
        {
            var element = new NftSetElement
            {
                Source = Input.At(_pendingLine), Node = Input.Node, Family = _family, Table = _table, Set = _set, Key = key, Value = value,
                Cidr = Facts.Cidr.TryParse(key, out var cidr) ? cidr : null,
            };
            _elements.Add(element);
            Result.Add(element);
        }
    }

    public void OpenOther(int line)
    {
        _otherDepth = 1;
        Level = NftLevel.Other;
    }

    public void OtherLine(string line) => _otherDepth += line.Count(c => c == '{') - line.Count(c => c == '}');

    public void Close(int number)
    {
        switch (Level)
        {
            case NftLevel.Chain:
                var chain = new NftChain
                {
                    Source = Input.At(_chainLine), Node = Input.Node, Family = _family, Table = _table, Name = _chain, Type = _chainType,
                    Hook = _chainHook, Priority = _chainPriority, Policy = _chainPolicy, Comment = _chainComment, Rules = _chainRules,
                };
                Result.Add(chain);
                _calico?.Chain(chain);
                _tableChains++;
                Level = NftLevel.Table;
                break;
            case NftLevel.Set:
                var set = new NftSet
                {
                    Source = Input.At(_setLine), Node = Input.Node, Family = _family, Table = _table, Name = _set, IsMap = _isMap,
                    Type = _setType, Flags = _setFlags, Comment = _setComment, Elements = _elements.Count,
                };
                Result.Add(set);
                _calico?.Set(set, _elements);
                _tableSets++;
                Level = NftLevel.Table;
                break;
            case NftLevel.Other:
                if (--_otherDepth <= 0) Level = NftLevel.Table;
                break;
            case NftLevel.Table:
                Result.Add(TableFact(complete: true));
                Level = NftLevel.Top;
                break;
            default:
                Result.Problem(Input.At(number), "closing brace outside any nft table");
                break;
        }
    }

    /// <summary>A cut paste ends inside a table: what was read is kept, and the table says it is incomplete.</summary>
    public void End()
    {
        if (Level == NftLevel.Top) return;
        int last = 0;
        TextLines.ForEach(Input.Text, (n, _) => last = n);
        if (_pendingElements is not null) _pendingElements = null;
        if (Level == NftLevel.Chain) Close(last);
        else if (Level == NftLevel.Set) Close(last);
        else if (Level == NftLevel.Other) Level = NftLevel.Table;
        Result.Add(TableFact(complete: false));
        Result.Problem(Input.At(last), $"the ruleset ends inside table {_family} {_table} (cut short?)");
        Level = NftLevel.Top;
    }

    private NftTable TableFact(bool complete) => new()
    {
        Source = Input.At(_tableLine), Node = Input.Node, Family = _family, Name = _table, Comment = _tableComment,
        Chains = _tableChains, Rules = _tableRules, Sets = _tableSets, Complete = complete,
    };

    [GeneratedRegex(@"^(?:type\s+(?<type>\S+)\s+hook\s+(?<hook>\S+)(?:\s+device\s+\S+)?\s+priority\s+(?<priority>[^;]+);)?\s*(?:policy\s+(?<policy>\S+);)?")]
    private static partial Regex ChainTypeRegex();

    /// <summary>Elements are addresses, prefixes, ranges, numbers, names and verdicts joined by " . ", " : " and commas.</summary>
    [GeneratedRegex(@"^[\w.:/,\-@ ""{}*]+$")]
    private static partial Regex ElementLineRegex();
}
