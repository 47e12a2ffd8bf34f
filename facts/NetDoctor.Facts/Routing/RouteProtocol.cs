namespace NetDoctor.Facts;

/// <summary>
/// Who installed a route (`proto ...`). Calico's BIRD writes "bird"; DHCP clients "dhcp"; the kernel its
/// connected routes. Unlisted names and numbers are <see cref="Other"/> with the text kept in <see cref="Route.ProtocolName"/>.
/// </summary>
public enum RouteProtocol
{
    Unspecified,
    Redirect,
    Kernel,
    Boot,
    Static,
    Ra,
    Dhcp,
    Bird,
    Zebra,
    Bgp,
    Ospf,
    Babel,
    Other,
}

public static class RouteProtocolNames
{
    public static RouteProtocol Parse(ReadOnlySpan<char> text) => text switch
    {
        "unspec" or "0" => RouteProtocol.Unspecified,
        "redirect" or "1" => RouteProtocol.Redirect,
        "kernel" or "2" => RouteProtocol.Kernel,
        "boot" or "3" => RouteProtocol.Boot,
        "static" or "4" => RouteProtocol.Static,
        "ra" or "9" => RouteProtocol.Ra,
        "dhcp" or "16" => RouteProtocol.Dhcp,
        "bird" or "12" => RouteProtocol.Bird,
        "zebra" or "11" => RouteProtocol.Zebra,
        "bgp" or "186" => RouteProtocol.Bgp,
        "ospf" or "188" => RouteProtocol.Ospf,
        "babel" or "42" => RouteProtocol.Babel,
        _ => RouteProtocol.Other,
    };
}
