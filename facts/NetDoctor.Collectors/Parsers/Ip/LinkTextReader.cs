using System.Globalization;
using System.Net;
using NetDoctor.Collectors.Parsing;
using NetDoctor.Facts;

namespace NetDoctor.Collectors.Parsers.Ip;

/// <summary>
/// Reads the block format shared by `ip addr` and `ip [-d] link`:
/// "N: name[@parent]: &lt;FLAGS&gt; mtu M ... state S ..." then indented "link/TYPE MAC ...", an optional
/// detail line (-d) naming the kind, and "inet"/"inet6" address lines with their "valid_lft" lines.
/// A link is emitted once its block ends, so that later lines can complete it.
/// </summary>
internal sealed class LinkTextReader(ParseInput input, bool addresses)
{
    public ParseResult Result { get; } = new();
    private readonly StringPool _pool = new();
    private NetworkLink? _link;
    private bool _kindSeen;

    public void Line(int n, ReadOnlySpan<char> raw)
    {
        if (raw.Trim().IsEmpty) return;
        bool indented = raw[0] is ' ' or '\t';
        var line = raw.Trim();
        if (!indented)
        {
            // A line that is not a header leaves the current block open: one bad line must not orphan the rest.
            if (TryHeader(n, line, out var link))
            {
                Flush();
                _link = link;
            }
            return;
        }
        if (_link is null)
        {
            Result.Problem(input.At(n), $"indented line outside an interface block: '{Snippet.Of(line)}'");
            return;
        }
        var w = new Words(line);
        var first = w.NextOrEmpty();
        if (first.StartsWith("link/"))
        {
            _link = _link with
            {
                LinkType = _pool.Get(first[5..]),
                Mac = LinkNames.Mac(w.NextOrEmpty()),
            };
            return;
        }
        if (first is "inet" or "inet6")
        {
            if (addresses) Address(n, first is "inet6", ref w);
            return;
        }
        if (first is "valid_lft" or "altname" or "prop" or "alias") return;
        if (!_kindSeen && LinkNames.Kinds.Contains(first.ToString()))
        {
            _link = _link with { Kind = _pool.Get(first) };
            _kindSeen = true;
        }
        // Other detail lines (bridge_slave ..., promiscuity ...) carry nothing the facts model.
    }

    public void End() => Flush();

    private void Flush()
    {
        if (_link is not null) Result.Add(_link);
        _link = null;
        _kindSeen = false;
    }

    private bool TryHeader(int n, ReadOnlySpan<char> line, out NetworkLink? link)
    {
        link = null;
        // "2: eth0@if5: <BROADCAST,...> mtu 1500 qdisc noqueue master cni0 state UP mode DEFAULT group default qlen 1000"
        int colon = line.IndexOf(':');
        if (colon <= 0 || !int.TryParse(line[..colon], NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            Result.Problem(input.At(n), $"not an interface header: '{Snippet.Of(line)}'");
            return false;
        }
        var rest = line[(colon + 1)..].TrimStart();
        int nameEnd = rest.IndexOf(": ");
        if (nameEnd < 0) nameEnd = rest.EndsWith(':') ? rest.Length - 1 : -1;
        if (nameEnd <= 0)
        {
            Result.Problem(input.At(n), $"interface header without a name: '{Snippet.Of(line)}'");
            return false;
        }
        var fullName = rest[..nameEnd];
        string? parent = null;
        int at = fullName.IndexOf('@');
        if (at > 0)
        {
            parent = _pool.Get(fullName[(at + 1)..]);
            fullName = fullName[..at];
        }
        rest = rest[(nameEnd + 1)..].TrimStart();
        IReadOnlyList<string> flags = [];
        if (rest.StartsWith('<'))
        {
            int close = rest.IndexOf('>');
            if (close > 0)
            {
                var f = rest[1..close];
                var list = new List<string>();
                foreach (var r in f.Split(','))
                    if (!f[r].IsEmpty) list.Add(_pool.Get(f[r]));
                flags = list;
                rest = rest[(close + 1)..];
            }
        }
        int? mtu = null;
        string? master = null;
        var state = LinkState.Unknown;
        var w = new Words(rest);
        while (w.Next(out var key))
        {
            switch (key)
            {
                case "mtu":
                    if (int.TryParse(w.NextOrEmpty(), NumberStyles.None, CultureInfo.InvariantCulture, out var m)) mtu = m;
                    break;
                case "master":
                    master = _pool.Get(w.NextOrEmpty());
                    break;
                case "state":
                    state = LinkNames.State(w.NextOrEmpty());
                    break;
                case "qdisc" or "mode" or "group" or "qlen" or "link-netnsid" or "link-netns":
                    w.NextOrEmpty();
                    break;
            }
        }
        link = new NetworkLink
        {
            Index = index,
            Name = _pool.Get(fullName),
            Parent = parent,
            Flags = flags,
            Mtu = mtu,
            Master = master,
            State = state,
            Node = input.Node,
            Source = input.At(n),
        };
        return true;
    }

    /// <summary>"inet 192.168.21.10/24 [peer P] [brd B] scope global [flags...] [label]".</summary>
    private void Address(int n, bool v6, ref Words w)
    {
        var addrText = w.NextOrEmpty();
        if (!Cidr.TryParse(addrText, out var address) || address.IsIPv6 != v6)
        {
            Result.Problem(input.At(n), $"bad interface address '{Snippet.Of(addrText)}'");
            return;
        }
        Cidr? peer = null;
        IPAddress? brd = null;
        var scope = Scope.Global;
        string? label = null;
        List<string>? flags = null;
        while (w.Next(out var key))
        {
            switch (key)
            {
                case "peer":
                    // "inet 10.0.0.1 peer 10.0.0.2/32": the prefix belongs to the peer, the local address is a host.
                    if (Cidr.TryParse(w.NextOrEmpty(), out var p))
                    {
                        peer = p;
                        address = new Cidr(address.Address, p.PrefixLength);
                    }
                    break;
                case "brd":
                    IPAddress.TryParse(w.NextOrEmpty(), out brd);
                    break;
                case "scope":
                    scope = ScopeNames.Parse(w.NextOrEmpty());
                    break;
                case "metric":
                    w.NextOrEmpty();
                    break;
                default:
                    var k = _pool.Get(key);
                    if (LinkNames.AddressFlags.Contains(k)) (flags ??= []).Add(k);
                    else label = k;
                    break;
            }
        }
        Result.Add(new InterfaceAddress
        {
            Interface = _link!.Name,
            InterfaceIndex = _link.Index,
            Address = address,
            Scope = scope,
            Label = label == _link.Name ? null : label,
            Peer = peer,
            Broadcast = brd,
            Flags = flags ?? (IReadOnlyList<string>)[],
            Node = input.Node,
            Source = input.At(n),
        });
    }
}
