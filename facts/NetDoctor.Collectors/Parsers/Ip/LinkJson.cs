using System.Net;
using System.Text.Json;
using NetDoctor.Collectors.Parsing;
using NetDoctor.Facts;

namespace NetDoctor.Collectors.Parsers.Ip;

/// <summary>Reads one interface object of `ip -j addr` / `ip -j [-d] link` into a link and, optionally, its addresses.</summary>
internal static class LinkJson
{
    public static void Read(JsonElement e, int line, ParseInput input, ParseResult result, bool addresses)
    {
        var at = input.At(line);
        var name = e.Str("ifname");
        if (name is null)
        {
            result.Problem(at, "interface object without \"ifname\"");
            return;
        }
        // "link" names a lower device (vlan@eth0); a veth in another namespace only has its peer's index.
        string? parent = e.Str("link") ?? (e.Int("link_index") is { } li ? $"if{li}" : null);
        string? kind = null;
        if (e.TryGetProperty("linkinfo", out var info) && info.ValueKind == JsonValueKind.Object) kind = info.Str("info_kind");
        var index = e.Int("ifindex") ?? 0;
        result.Add(new NetworkLink
        {
            Index = index,
            Name = name,
            Parent = parent,
            LinkType = e.Str("link_type"),
            Kind = kind,
            State = LinkNames.State(e.Str("operstate")),
            Mtu = e.Int("mtu"),
            Flags = e.Strings("flags"),
            Master = e.Str("master"),
            Mac = LinkNames.Mac(e.Str("address")),
            Node = input.Node,
            Source = at,
        });
        if (!addresses || !e.TryGetProperty("addr_info", out var infos) || infos.ValueKind != JsonValueKind.Array) return;
        foreach (var a in infos.EnumerateArray())
        {
            if (a.ValueKind != JsonValueKind.Object) continue;
            var local = a.Str("local");
            var prefix = a.Int("prefixlen");
            if (local is null || prefix is null || !Cidr.TryParse($"{local}/{prefix}", out var address))
            {
                result.Problem(at, $"{Snippet.Of(name)}: address entry without a readable local/prefixlen ('{Snippet.Of(local)}')");
                continue;
            }
            Cidr? peer = null;
            // For point-to-point addresses "address" is the peer; on others it is absent.
            if (a.Str("address") is { } peerText && Cidr.TryParse($"{peerText}/{prefix}", out var p)) peer = p;
            var flags = new List<string>();
            foreach (var prop in a.EnumerateObject())
                if (prop.Value.ValueKind == JsonValueKind.True && LinkNames.AddressFlags.Contains(prop.Name)) flags.Add(prop.Name);
            var label = a.Str("label");
            result.Add(new InterfaceAddress
            {
                Interface = name,
                InterfaceIndex = index,
                Address = address,
                Scope = a.Str("scope") is { } s ? ScopeNames.Parse(s) : Scope.Global,
                Label = label == name ? null : label,
                Peer = peer,
                Broadcast = a.Str("broadcast") is { } b && IPAddress.TryParse(b, out var brd) ? brd : null,
                Flags = flags,
                Node = input.Node,
                Source = at,
            });
        }
    }
}
