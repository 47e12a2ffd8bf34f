namespace NetDoctor.Facts;

/// <summary>Kernel route types (rtm_type) as ip(8) names them; unicast is the unwritten default.</summary>
public enum RouteType
{
    Unicast,
    Local,
    Broadcast,
    Anycast,
    Multicast,
    Blackhole,
    Unreachable,
    Prohibit,
    Throw,
    Nat,
    Other,
}

public static class RouteTypeNames
{
    public static bool TryParse(ReadOnlySpan<char> text, out RouteType type)
    {
        type = text switch
        {
            "unicast" => RouteType.Unicast,
            "local" => RouteType.Local,
            "broadcast" => RouteType.Broadcast,
            "anycast" => RouteType.Anycast,
            "multicast" => RouteType.Multicast,
            "blackhole" => RouteType.Blackhole,
            "unreachable" => RouteType.Unreachable,
            "prohibit" => RouteType.Prohibit,
            "throw" => RouteType.Throw,
            "nat" => RouteType.Nat,
            _ => RouteType.Other,
        };
        return type != RouteType.Other;
    }

    /// <summary>Types that drop or reject instead of forwarding.</summary>
    public static bool Rejects(this RouteType type) =>
        type is RouteType.Blackhole or RouteType.Unreachable or RouteType.Prohibit;
}
