using System.Globalization;
using System.Net;
using NetDoctor.Collectors.Parsers.Bird;
using NetDoctor.Collectors.Parsing;
using NetDoctor.Facts;

namespace NetDoctor.Collectors.Parsers.BirdConfig;

/// <summary>Walks the tokens of a BIRD configuration: top-level statements and blocks, bgp and static protocols and templates.</summary>
public sealed class BirdConfigReader(ParseInput input, List<BirdToken> tokens, ParseResult result)
{
    private readonly Dictionary<string, BgpSettings> _templates = new(StringComparer.Ordinal);
    private int _pos;

    public void Read()
    {
        while (_pos < tokens.Count)
        {
            var token = tokens[_pos];
            if (token.Is(";")) { _pos++; continue; }
            if (token.Is("}"))
            {
                result.Problem(input.At(token.Line), "'}' closes no block");
                _pos++;
                continue;
            }
            if (token.Is("router") && Peek(1).Is("id")) RouterId();
            else if ((token.Is("protocol") || token.Is("template")) && !Peek(1).IsString) Block(token.Is("template"));
            else SkipStatement();
        }
    }

    private BirdToken Peek(int ahead) => _pos + ahead < tokens.Count ? tokens[_pos + ahead] : new BirdToken("", 0);

    private void RouterId()
    {
        var at = tokens[_pos];
        _pos += 2;
        var words = Until(";");
        var text = string.Join(' ', words.Select(w => w.Text));
        if (words.Count == 0)
        {
            result.Problem(input.At(at.Line), "router id without a value");
            return;
        }
        result.Add(new BirdRouterId { Source = input.At(at.Line), Node = input.Node, Text = text, Address = IPAddress.TryParse(text, out var ip) ? ip : null });
    }

    /// <summary>"protocol|template KIND [NAME] [from TEMPLATE] { … }".</summary>
    private void Block(bool isTemplate)
    {
        var start = tokens[_pos];
        var kind = Peek(1).Text;
        _pos += 2;
        string? name = null, from = null;
        while (_pos < tokens.Count && !tokens[_pos].Is("{") && !tokens[_pos].Is(";"))
        {
            if (tokens[_pos].Is("from") && _pos + 1 < tokens.Count) from = tokens[++_pos].Text;
            else name ??= tokens[_pos].Text;
            _pos++;
        }
        if (_pos >= tokens.Count || tokens[_pos].Is(";"))
        {
            _pos++;
            return;
        }
        var body = BlockBody(start);
        if (body is null) return;
        if (kind == "bgp") Bgp(name ?? "bgp", from, isTemplate, body);
        else if (kind == "static") Static(name ?? (isTemplate ? "template" : "static"), body);
    }

    private void Bgp(string name, string? from, bool isTemplate, List<BirdToken> body)
    {
        var settings = from is not null && _templates.TryGetValue(from, out var template) ? template with { } : new BgpSettings();
        foreach (var statement in Statements(body)) Apply(settings, statement);
        if (isTemplate)
        {
            _templates[name] = settings;
            return;
        }
        if (settings.NeighborText is null) return;
        if (settings.Neighbor is null)
        {
            result.Problem(input.At(settings.NeighborLine), $"protocol bgp {Snippet.Of(name)}: neighbor '{Snippet.Of(settings.NeighborText)}' is not an address");
            return;
        }
        var type = CalicoBirdNames.TryDecode(name, out _, out var decoded) ? decoded : BgpPeerType.Unknown;
        result.Add(new BirdBgpNeighbor
        {
            Source = input.At(settings.NeighborLine), Node = input.Node, ProtocolName = name, PeerType = type, NeighborAddress = settings.Neighbor,
            NeighborAs = settings.NeighborAs, LocalAs = settings.LocalAs, SourceAddress = settings.SourceAddress, Port = settings.Port, Template = from,
            Passive = settings.Passive, NextHopSelf = settings.NextHopSelf, NextHopKeep = settings.NextHopKeep,
            RouteReflectorClient = settings.RouteReflectorClient, Multihop = settings.Multihop, HasPassword = settings.HasPassword,
        });
    }

    private static void Apply(BgpSettings s, List<BirdToken> st)
    {
        string W(int i) => i < st.Count ? st[i].Text : "";
        long? Asn(int from)
        {
            for (int i = from; i + 1 < st.Count; i++)
                if (st[i].Is("as")) return long.TryParse(st[i + 1].Text, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;
            return null;
        }
        bool On(int i) => W(i) is "" or "on" or "yes";
        switch (W(0))
        {
            case "neighbor" when W(1) != "range":
                s.NeighborText = W(1);
                s.NeighborLine = st[0].Line;
                s.Neighbor = IPAddress.TryParse(W(1).Split('%')[0], out var ip) ? ip : null;
                s.NeighborAs = Asn(2) ?? s.NeighborAs;
                int port = st.FindIndex(t => t.Is("port"));
                if (port > 0 && int.TryParse(W(port + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var p)) s.Port = p;
                break;
            case "local":
                s.LocalAs = Asn(1) ?? s.LocalAs;
                if (W(1) != "as" && IPAddress.TryParse(W(1), out var local)) s.SourceAddress = local;
                break;
            case "source" when W(1) == "address" && IPAddress.TryParse(W(2), out var source):
                s.SourceAddress = source;
                break;
            case "passive":
                s.Passive = On(1);
                break;
            case "next" when W(1) == "hop" && W(2) == "self":
                s.NextHopSelf = On(3);
                break;
            case "next" when W(1) == "hop" && W(2) == "keep":
                s.NextHopKeep = On(3);
                break;
            case "rr" when W(1) == "client":
                s.RouteReflectorClient = true;
                break;
            case "multihop":
                s.Multihop = true;
                break;
            case "password":
                s.HasPassword = true;
                break;
        }
    }

    private void Static(string owner, List<BirdToken> body)
    {
        foreach (var st in Statements(body))
        {
            if (st.Count < 3 || !st[0].Is("route")) continue;
            if (!Cidr.TryParse(st[1].Text, out var destination) || !st[1].Text.Contains('/'))
            {
                result.Problem(input.At(st[0].Line), $"route '{Snippet.Of(st[1].Text)}' is not a prefix");
                continue;
            }
            result.Add(new BirdStaticRoute
            {
                Source = input.At(st[0].Line), Node = input.Node, Destination = destination,
                Action = string.Join(' ', st.Skip(2).Select(t => t.Text)), Owner = owner,
            });
        }
    }

    /// <summary>The statements of a block body, flattened: nested blocks (channels, filters) are cut at their braces too.</summary>
    private static IEnumerable<List<BirdToken>> Statements(List<BirdToken> body)
    {
        var current = new List<BirdToken>();
        foreach (var token in body)
        {
            if (token.Is(";") || token.Is("{") || token.Is("}"))
            {
                if (current.Count > 0) yield return current;
                current = [];
                continue;
            }
            current.Add(token);
        }
        if (current.Count > 0) yield return current;
    }

    /// <summary>From the "{" at the current position to its matching "}" (exclusive); null when the file ends first.</summary>
    private List<BirdToken>? BlockBody(BirdToken start)
    {
        int depth = 0;
        var body = new List<BirdToken>();
        for (; _pos < tokens.Count; _pos++)
        {
            var t = tokens[_pos];
            if (t.Is("{") && depth++ == 0) continue;
            if (t.Is("}") && --depth == 0)
            {
                _pos++;
                if (_pos < tokens.Count && tokens[_pos].Is(";")) _pos++;
                return body;
            }
            body.Add(t);
        }
        result.Problem(input.At(tokens[^1].Line), $"the configuration ends inside the block that starts at line {start.Line}");
        return null;
    }

    private List<BirdToken> Until(string end)
    {
        var words = new List<BirdToken>();
        while (_pos < tokens.Count && !tokens[_pos].Is(end)) words.Add(tokens[_pos++]);
        _pos++;
        return words;
    }

    /// <summary>Anything else (include, log, function, filter, define, protocol device …): up to its ";" or the end of its block.</summary>
    private void SkipStatement()
    {
        var start = tokens[_pos];
        while (_pos < tokens.Count)
        {
            var t = tokens[_pos];
            if (t.Is(";")) { _pos++; return; }
            if (t.Is("{"))
            {
                BlockBody(start);
                return;
            }
            _pos++;
        }
    }
}
