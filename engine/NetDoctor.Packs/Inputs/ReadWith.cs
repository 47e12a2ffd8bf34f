using NetDoctor.Facts;

namespace NetDoctor.Packs.Inputs;

/// <summary>
/// Fact types that are findings inside an output other facts show was read: a <see cref="LogEvent"/> is what a log line
/// shows (a failed dial, a refusal); a <see cref="BgpPeer"/> is a BGP line of BIRD's protocol list or of `calicoctl node
/// status`. Logs without such a line, or BIRD running without BGP sessions ("No IPv4 peers found."), mean "none", not
/// "not read": the type counts as read when the facts it is found beside were.
/// </summary>
public static class ReadWith
{
    private static readonly Dictionary<Type, Type[]> Sources = new()
    {
        [typeof(LogEvent)] = [typeof(LogLine)],
        [typeof(BgpPeer)] = [typeof(BirdProtocol), typeof(CalicoProcessStatus)],
    };

    public static IEnumerable<Type> Of(Type type) => Sources.GetValueOrDefault(type) ?? [];
}
