namespace NetDoctor.Facts;

/// <summary>Address family as the tools print it ("inet" / "inet6").</summary>
public enum IpFamily
{
    Unknown,
    Inet,
    Inet6,
}

public static class IpFamilyNames
{
    public static IpFamily Parse(ReadOnlySpan<char> text) => text switch
    {
        "inet" or "ipv4" or "4" => IpFamily.Inet,
        "inet6" or "ipv6" or "6" => IpFamily.Inet6,
        _ => IpFamily.Unknown,
    };

    public static IpFamily Of(Cidr cidr) => cidr.IsIPv4 ? IpFamily.Inet : IpFamily.Inet6;
}
