using System.Globalization;
using System.Net;
using NetDoctor.Collectors.Parsing;
using NetDoctor.Facts;

namespace NetDoctor.Collectors.Parsers.Ip;

/// <summary>
/// The "keyword value" grammar of one `ip route` line (and of its "nexthop" lines), shared by the text parser.
/// Unknown keywords with a value are kept in <see cref="Route.Options"/>; bare words become <see cref="Route.Flags"/>.
/// </summary>
internal static class RouteWords
{
    /// <summary>Keywords ip prints with one value after them that the Route record does not model.</summary>
    private static readonly HashSet<string> ValueKeys = new(StringComparer.Ordinal)
    {
        "mtu", "advmss", "pref", "expires", "realm", "realms", "tos", "dsfield", "hoplimit", "initcwnd", "initrwnd",
        "rtt", "rttvar", "reordering", "window", "cwnd", "ssthresh", "rto_min", "features", "quickack", "congctl",
        "fastopen_no_cookie", "nhid", "error", "from", "ttl-propagate", "encap", "cache", "used", "age", "users",
    };

    public static Route Read(ReadOnlySpan<char> line, StringPool pool, ParseResult problems, Source at, string? node)
    {
        var w = new Words(line);
        var first = w.NextOrEmpty();
        var type = RouteType.Unicast;
        if (RouteTypeNames.TryParse(first, out var t))
        {
            type = t;
            first = w.NextOrEmpty();
        }
        string? table = null;
        IPAddress? gateway = null, src = null;
        string? dev = null, proto = null;
        var scope = type is RouteType.Local ? Scope.Host : Scope.Global;
        int? metric = null;
        bool onlink = false;
        List<string>? flags = null;
        Dictionary<string, string>? options = null;
        bool destinationIsDefault = first is "default";
        Cidr destination = default;
        bool destinationOk = destinationIsDefault || Cidr.TryParse(first, out destination);
        if (!destinationOk)
            problems.Problem(at, $"'{Snippet.Of(first)}' is not a route destination");

        while (w.Next(out var key))
        {
            switch (key)
            {
                case "via":
                {
                    var v = w.NextOrEmpty();
                    if (v is "inet" or "inet6") v = w.NextOrEmpty();
                    if (!IPAddress.TryParse(v, out gateway)) problems.Problem(at, $"bad gateway '{Snippet.Of(v)}'");
                    break;
                }
                case "dev":
                    dev = pool.Get(w.NextOrEmpty());
                    break;
                case "proto":
                    proto = pool.Get(w.NextOrEmpty());
                    break;
                case "scope":
                    scope = ScopeNames.Parse(w.NextOrEmpty());
                    break;
                case "src":
                {
                    var v = w.NextOrEmpty();
                    if (!IPAddress.TryParse(v, out src)) problems.Problem(at, $"bad preferred source '{Snippet.Of(v)}'");
                    break;
                }
                case "metric" or "priority":
                {
                    var v = w.NextOrEmpty();
                    if (int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var m)) metric = m;
                    else problems.Problem(at, $"bad metric '{Snippet.Of(v)}'");
                    break;
                }
                case "table":
                    table = RouteTables.Normalise(pool.Get(w.NextOrEmpty()));
                    break;
                case "onlink":
                    onlink = true;
                    break;
                default:
                {
                    var k = pool.Get(key);
                    if (ValueKeys.Contains(k))
                    {
                        var v = w.NextOrEmpty();
                        if (v is "lock") v = w.NextOrEmpty();
                        (options ??= new(StringComparer.Ordinal))[k] = v.ToString();
                    }
                    else
                        {
                            (flags ??= []).Add(k);
                        }

                        break;
                }
            }
        }

        if (destinationIsDefault)
        {
            destination = new Cidr(gateway?.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 || src?.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6
                ? IPAddress.IPv6Any : IPAddress.Any, 0);
        }

        return new Route
        {
            Table = table ?? Route.MainTable,
            TableId = RouteTables.IdOf(table ?? Route.MainTable),
            Type = type,
            Destination = destination,
            Gateway = gateway,
            Device = dev,
            Protocol = proto is null ? RouteProtocol.Unspecified : RouteProtocolNames.Parse(proto),
            ProtocolName = proto,
            Scope = scope,
            PreferredSource = src,
            Metric = metric,
            OnLink = onlink,
            Flags = flags ?? (IReadOnlyList<string>)[],
            Options = options ?? (IReadOnlyDictionary<string, string>)EmptyOptions,
            Node = node,
            Source = at,
        };
    }

    /// <summary>"nexthop via 10.0.0.1 dev eth0 weight 1 [onlink] [dead] [linkdown]".</summary>
    public static NextHop? ReadNextHop(ReadOnlySpan<char> line, StringPool pool, ParseResult problems, Source at)
    {
        var w = new Words(line);
        if (w.NextOrEmpty() is not "nexthop") return null;
        IPAddress? gateway = null;
        string? dev = null;
        int weight = 1;
        bool onlink = false;
        List<string>? flags = null;
        while (w.Next(out var key))
        {
            switch (key)
            {
                case "via":
                {
                    var v = w.NextOrEmpty();
                    if (v is "inet" or "inet6") v = w.NextOrEmpty();
                    if (!IPAddress.TryParse(v, out gateway)) problems.Problem(at, $"bad nexthop gateway '{Snippet.Of(v)}'");
                    break;
                }
                case "dev":
                    dev = pool.Get(w.NextOrEmpty());
                    break;
                case "weight":
                {
                    var v = w.NextOrEmpty();
                    if (!int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out weight))
                    {
                        weight = 1;
                        problems.Problem(at, $"bad nexthop weight '{Snippet.Of(v)}'");
                    }
                    break;
                }
                case "onlink":
                    onlink = true;
                    break;
                default:
                    (flags ??= []).Add(pool.Get(key));
                    break;
            }
        }
        return new NextHop(gateway, dev, weight, onlink, flags ?? (IReadOnlyList<string>)[]);
    }

    private static readonly IReadOnlyDictionary<string, string> EmptyOptions = new Dictionary<string, string>();
}
