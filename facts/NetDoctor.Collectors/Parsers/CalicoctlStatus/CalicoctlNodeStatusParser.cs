using System.Net;
using System.Text.RegularExpressions;
using NetDoctor.Collectors.Parsers.Bird;
using NetDoctor.Collectors.Parsing;
using NetDoctor.Facts;

namespace NetDoctor.Collectors.Parsers.CalicoctlStatus;

/// <summary>
/// `calicoctl node status`: "Calico process is running." then one ASCII table per address family
/// (PEER ADDRESS | PEER TYPE | STATE | SINCE | INFO). A long INFO wraps onto rows whose other cells are empty;
/// those rows are folded into the peer above. The prompt and command line a pasted terminal session keeps above it
/// ("[root@docker ~]# calicoctl node status", "node-1 # sudo calicoctl node status") is skipped; the header's column
/// widths vary with the longest address, so it is found by its words.
/// The peers are also listed together in one <see cref="BgpSessionList"/>.
/// </summary>
public sealed partial class CalicoctlNodeStatusParser : IFormatParser
{
    /// <summary>Table rows are short; a longer line is damage, rejected before it is split into cells.</summary>
    private const int MaxLine = 4096;

    public string Kind => "calicoctl-node-status";

    public int Sniff(string fileName, string head)
    {
        if (Path.GetFileName(fileName) == "calico-node-status.txt") return 100;
        if (PeerHeaderRegex().IsMatch(head)) return 95;
        if (ProcessRegex().IsMatch(head)) return 85;
        return 0;
    }

    public ParseResult Parse(ParseInput input)
    {
        var result = new ParseResult();
        bool? running = null;
        int runningLine = 0;
        bool ipv6 = false;
        int v4 = 0, v6 = 0;
        var sessions = new BgpSessionTally(BgpPeerOrigin.Calicoctl);
        Row? current = null;

        void Emit()
        {
            if (current is null) return;
            if (current.ToPeer(input) is { } peer)
            {
                result.Add(peer);
                sessions.Count(peer);
                if (ipv6) v6++; else v4++;
            }
            else
            {
                result.Problem(input.At(current.Line), $"peer address '{Snippet.Of(current.Cells[0])}' is not an IP address");
            }

            current = null;
        }

        foreach (var (number, raw) in TextLines.Split(input.Text))
        {
            if (raw.Length > MaxLine)
            {
                result.Problem(input.At(number), $"line of {raw.Length} characters is too long to be calicoctl output: {Snippet.Of(raw)}");
                continue;
            }
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('+')) continue;
            var process = ProcessRegex().Match(line);
            if (process.Success)
            {
                running = process.Groups[1].Length == 0;
                runningLine = number;
                continue;
            }
            var family = FamilyRegex().Match(line);
            if (family.Success)
            {
                Emit();
                ipv6 = family.Groups[1].Value == "6";
                continue;
            }
            if (NoPeersRegex().IsMatch(line) || CommandRegex().IsMatch(line)) continue;
            if (!line.StartsWith('|'))
            {
                // The open row stays open: a stray line must not cut a wrapped INFO cell from its peer.
                result.Problem(input.At(number), $"unexpected line in calicoctl node status: {Snippet.Of(line)}");
                continue;
            }
            var cells = line.Trim('|').Split('|').Select(c => c.Trim()).ToArray();
            if (cells.Length > 0 && cells[0].Equals("PEER ADDRESS", StringComparison.OrdinalIgnoreCase)) continue;
            if (cells.Length != 5)
            {
                Emit();
                result.Problem(input.At(number), $"expected 5 columns, found {cells.Length}: {Snippet.Of(line)}");
                continue;
            }
            if (cells[0].Length == 0 && current is not null)
            {
                current.Continue(cells);
                continue;
            }
            Emit();
            current = new Row(number, cells);
        }
        Emit();
        if (running is { } r)
            result.Add(new CalicoProcessStatus { Source = input.At(runningLine), Node = input.Node, Running = r, Ipv4Peers = v4, Ipv6Peers = v6 });
        sessions.AddTo(result, input);
        return result;
    }

    private static BgpPeerType PeerType(string text) => text.ToLowerInvariant() switch
    {
        "node-to-node mesh" => BgpPeerType.NodeMesh,
        "global" => BgpPeerType.Global,
        "node specific" or "node-specific" => BgpPeerType.NodeSpecific,
        _ => BgpPeerType.Unknown,
    };


    private sealed class Row(int line, string[] cells)
    {
        public int Line { get; } = line;
        public string[] Cells { get; } = cells;

        public void Continue(string[] more)
        {
            for (int i = 0; i < Cells.Length; i++)
                if (more[i].Length > 0) Cells[i] = Cells[i].Length == 0 ? more[i] : Cells[i] + " " + more[i];
        }

        public BgpPeer? ToPeer(ParseInput input)
        {
            if (!IPAddress.TryParse(Cells[0], out var address) || (!Cells[0].Contains(':') && Cells[0].Count(c => c == '.') != 3)) return null;
            var (state, word) = BgpStateNames.FromInfo(Cells[4]);
            return new BgpPeer
            {
                Source = input.At(Line),
                Node = input.Node,
                PeerAddress = address,
                PeerType = PeerType(Cells[1]),
                ProtocolState = BgpStateNames.Protocol(Cells[2]),
                ProtocolStateText = Cells[2],
                Since = Cells[3],
                Info = Cells[4],
                State = state,
                StateText = word,
                Origin = BgpPeerOrigin.Calicoctl,
            };
        }
    }

    [GeneratedRegex(@"^Calico process is (not )?running\.?", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex ProcessRegex();

    [GeneratedRegex(@"^IPv([46]) BGP status", RegexOptions.IgnoreCase)]
    private static partial Regex FamilyRegex();

    [GeneratedRegex(@"^No IPv[46] peers found", RegexOptions.IgnoreCase)]
    private static partial Regex NoPeersRegex();

    /// <summary>The table header, whatever the column widths: "| PEER ADDRESS  |     PEER TYPE     |".</summary>
    [GeneratedRegex(@"\|\s*PEER ADDRESS\s*\|")]
    private static partial Regex PeerHeaderRegex();

    /// <summary>The command line of a pasted session, after any prompt: "[root@docker ~]# calicoctl node status".</summary>
    [GeneratedRegex(@"^\S*.{0,80}?[#$>]\s*(sudo\s+)?(\S*/)?calicoctl(\s+-\S+)*\s+node\s+status\b")]
    private static partial Regex CommandRegex();
}
