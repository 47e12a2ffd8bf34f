using System.Net;
using System.Text.RegularExpressions;
using NetDoctor.Collectors.Parsing;
using NetDoctor.Facts;

namespace NetDoctor.Collectors.Parsers.Bird;

/// <summary>
/// BIRD 1.x / 2.x `birdc|birdcl show protocols [all]`. Every protocol line gives a <see cref="BirdProtocol"/>;
/// a BGP protocol whose peer is known (Calico's name, or "Neighbor address:" of the `all` detail block) also gives a <see cref="BgpPeer"/>,
/// and a file with such peers one <see cref="BgpSessionList"/> of them all.
/// </summary>
public sealed partial class BirdProtocolsParser : IFormatParser
{
    /// <summary>BIRD prints short lines; a longer one is damage, and rejecting it early keeps a 10 MB line cheap.</summary>
    private const int MaxLine = 4096;

    public string Kind => "bird-protocols";

    public int Sniff(string fileName, string head)
    {
        var name = Path.GetFileName(fileName);
        if (name is "bird-protocols.txt" or "bird6-protocols.txt") return 100;
        if (HeaderRegex().IsMatch(head)) return 90;
        if (ReadyRegex().IsMatch(head)) return 70;
        return 0;
    }

    public ParseResult Parse(ParseInput input)
    {
        var result = new ParseResult();
        var sessions = new BgpSessionTally(BgpPeerOrigin.Bird);
        var lines = TextLines.Split(input.Text);
        // Protocol lines wait here until their detail block (if any) has been read, so "Neighbor address" can complete them.
        Pending? pending = null;
        foreach (var (number, raw) in lines)
        {
            if (raw.Length > MaxLine)
            {
                result.Problem(input.At(number), $"line of {raw.Length} characters is too long to be BIRD output: {Snippet.Of(raw)}");
                continue;
            }
            var line = StripReplyCode(raw);
            if (line.Length > 0 && char.IsWhiteSpace(line[0]))
            {
                if (pending is not null) ReadDetail(pending, line.Trim());
                continue;
            }
            var trimmed = line.Trim();
            // "Access restricted" is birdc/birdcl -r (restricted mode, what `netdoctor collect` runs) confirming it is read-only.
            if (trimmed.Length == 0 || ReadyRegex().IsMatch(trimmed) || HeaderRegex().IsMatch(trimmed) || trimmed == "Access restricted") continue;
            if (ErrorRegex().IsMatch(trimmed))
            {
                result.Problem(input.At(number), $"BIRD reported an error instead of protocols: {Snippet.Of(trimmed)}");
                continue;
            }
            var protocol = ReadProtocolLine(trimmed, input, number);
            if (protocol is null)
            {
                result.Problem(input.At(number), $"not a BIRD protocol line: {Snippet.Of(trimmed)}");
                continue;
            }
            Flush(pending, result, input, sessions);
            pending = new Pending(protocol);
        }
        Flush(pending, result, input, sessions);
        sessions.AddTo(result, input);
        return result;
    }

    private static BirdProtocol? ReadProtocolLine(string line, ParseInput input, int number)
    {
        var tokens = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Length < 4) return null;
        var state = BgpStateNames.Protocol(tokens[3]);
        // The protocol column is one word of letters; the state column one of BIRD's protocol states.
        if (state == BirdProtocolState.Unknown || !tokens[1].All(char.IsAsciiLetterOrDigit)) return null;
        int next = 4;
        var since = "";
        if (next < tokens.Length && LooksLikeTime(tokens[next]))
        {
            since = tokens[next++];
            // BIRD 2 with an ISO time format prints "2020-04-08 02:04:22".
            if (next < tokens.Length && TimeOnlyRegex().IsMatch(tokens[next])) since += " " + tokens[next++];
        }
        var info = string.Join(' ', tokens.Skip(next));
        return new BirdProtocol
        {
            Source = input.At(number),
            Node = input.Node,
            Name = tokens[0],
            Protocol = tokens[1],
            Table = tokens[2] == "---" ? null : tokens[2],
            State = state,
            StateText = tokens[3],
            Since = since,
            Info = info,
        };
    }

    private static void ReadDetail(Pending pending, string detail)
    {
        int colon = detail.IndexOf(':');
        if (colon <= 0) return;
        var key = detail[..colon];
        var value = detail[(colon + 1)..].Trim();
        if (key == "Neighbor address" && IPAddress.TryParse(value.Split('%')[0], out var ip)) pending.NeighborAddress = ip;
    }

    private static void Flush(Pending? pending, ParseResult result, ParseInput input, BgpSessionTally sessions)
    {
        if (pending is null) return;
        var protocol = pending.Protocol;
        result.Add(protocol);
        if (!protocol.IsBgp) return;
        var type = BgpPeerType.Unknown;
        IPAddress? address = CalicoBirdNames.TryDecode(protocol.Name, out var decoded, out type) ? decoded : pending.NeighborAddress;
        if (address is null) return;
        var (sessionState, word) = BgpStateNames.FromInfo(protocol.Info);
        if (protocol.Info.Length == 0)
        {
            sessionState = protocol.State switch
            {
                BirdProtocolState.Down => BgpSessionState.Down,
                BirdProtocolState.Start => BgpSessionState.Start,
                _ => BgpSessionState.Unknown,
            };
        }

        var peer = new BgpPeer
        {
            Source = protocol.Source,
            Node = input.Node,
            PeerAddress = address,
            PeerType = type,
            State = sessionState,
            StateText = word,
            ProtocolState = protocol.State,
            ProtocolStateText = protocol.StateText,
            Since = protocol.Since,
            Info = protocol.Info,
            ProtocolName = protocol.Name,
            Origin = BgpPeerOrigin.Bird,
        };
        result.Add(peer);
        sessions.Count(peer);
    }

    /// <summary>birdc -v and the raw socket prefix replies with a 4-digit code and '-' or ' ' ("1002-name  proto...").</summary>
    private static string StripReplyCode(string line) =>
        line.Length >= 5 && char.IsAsciiDigit(line[0]) && char.IsAsciiDigit(line[1]) && char.IsAsciiDigit(line[2]) && char.IsAsciiDigit(line[3])
            && (line[4] == '-' || line[4] == ' ')
            ? line[5..]
            : line;

    private static bool LooksLikeTime(string token) => token.Length > 0 && char.IsAsciiDigit(token[0]) && token.All(c => char.IsAsciiDigit(c) || c is ':' or '-' or '.' or 'T');


    private sealed class Pending(BirdProtocol protocol)
    {
        public BirdProtocol Protocol { get; } = protocol;
        public IPAddress? NeighborAddress { get; set; }
    }

    [GeneratedRegex(@"^\s*name\s+proto\s+table\s+state\s+since\s+info\s*$", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex HeaderRegex();

    [GeneratedRegex(@"^\s*BIRD [0-9][0-9.]*\S* ready\.\s*$", RegexOptions.Multiline)]
    private static partial Regex ReadyRegex();

    [GeneratedRegex(@"^(Unable to connect|Error|Syntax error|Access denied|Permission denied)", RegexOptions.IgnoreCase)]
    private static partial Regex ErrorRegex();

    [GeneratedRegex(@"^\d{2}:\d{2}(:\d{2})?(\.\d+)?$")]
    private static partial Regex TimeOnlyRegex();
}
