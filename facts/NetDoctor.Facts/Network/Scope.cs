namespace NetDoctor.Facts;

/// <summary>
/// Address / route scope of ip(8). "global" and "universe" are the same kernel value (0);
/// ip prints "global" for addresses and omits it for routes.
/// </summary>
public enum Scope
{
    Global,
    Site,
    Link,
    Host,
    Nowhere,
    Other,
}

public static class ScopeNames
{
    public static Scope Parse(ReadOnlySpan<char> text) => text switch
    {
        "global" or "universe" or "0" => Scope.Global,
        "site" or "200" => Scope.Site,
        "link" or "253" => Scope.Link,
        "host" or "254" => Scope.Host,
        "nowhere" or "255" => Scope.Nowhere,
        _ => Scope.Other,
    };
}
