using NetDoctor.Facts;

namespace NetDoctor.Collectors.Parsers.Ipset;

/// <summary>Reads a set type ("hash:ip,port", "bitmap:port", "list:set") into its method and dimensions.</summary>
internal static class IpsetType
{
    public static bool TryParse(string type, out IpSetMethod method, out IReadOnlyList<IpSetDimension> dimensions)
    {
        method = IpSetMethod.Unknown;
        dimensions = [];
        int colon = type.IndexOf(':');
        if (colon <= 0) return false;
        method = type.AsSpan(0, colon) switch
        {
            "hash" => IpSetMethod.Hash,
            "bitmap" => IpSetMethod.Bitmap,
            "list" => IpSetMethod.List,
            _ => IpSetMethod.Unknown,
        };
        var dims = new List<IpSetDimension>(3);
        var rest = type.AsSpan(colon + 1);
        foreach (var range in rest.Split(','))
        {
            IpSetDimension? d = rest[range] switch
            {
                "ip" => IpSetDimension.Ip,
                "net" => IpSetDimension.Net,
                "port" => IpSetDimension.Port,
                "mac" => IpSetDimension.Mac,
                "iface" => IpSetDimension.Iface,
                "mark" => IpSetDimension.Mark,
                "set" => IpSetDimension.Set,
                _ => null,
            };
            if (d is null) return false;
            dims.Add(d.Value);
        }
        dimensions = dims;
        return method != IpSetMethod.Unknown && dims.Count > 0;
    }
}
