using NetDoctor.Facts;

namespace NetDoctor.Collectors.Parsers.Bird;

/// <summary>Maps BIRD's words (shared by birdcl and calicoctl, which prints BIRD's columns) to the typed states.</summary>
public static class BgpStateNames
{
    /// <summary>The BGP state is the first word of the info column ("Active Socket: Connection closed" -> Active).</summary>
    public static (BgpSessionState State, string Word) FromInfo(string info)
    {
        var word = FirstWord(info);
        var state = word.ToLowerInvariant() switch
        {
            "established" => BgpSessionState.Established,
            "idle" => BgpSessionState.Idle,
            "connect" => BgpSessionState.Connect,
            "active" => BgpSessionState.Active,
            "opensent" => BgpSessionState.OpenSent,
            "openconfirm" => BgpSessionState.OpenConfirm,
            "passive" => BgpSessionState.Passive,
            "start" => BgpSessionState.Start,
            "down" => BgpSessionState.Down,
            _ => BgpSessionState.Unknown,
        };
        return (state, word);
    }

    public static BirdProtocolState Protocol(string text) => text.ToLowerInvariant() switch
    {
        "up" => BirdProtocolState.Up,
        "start" => BirdProtocolState.Start,
        "down" => BirdProtocolState.Down,
        "feed" => BirdProtocolState.Feed,
        "flush" => BirdProtocolState.Flush,
        _ => BirdProtocolState.Unknown,
    };

    private static string FirstWord(string text)
    {
        var t = text.TrimStart();
        int space = t.IndexOf(' ');
        return space < 0 ? t : t[..space];
    }
}
