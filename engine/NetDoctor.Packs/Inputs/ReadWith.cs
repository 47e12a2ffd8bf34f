using NetDoctor.Facts;

namespace NetDoctor.Packs.Inputs;

/// <summary>
/// Fact types that are findings inside other facts' text: a <see cref="LogEvent"/> is what a log line shows (a failed
/// dial, a refusal). Logs read without such a line mean "no such event", not "not read": the type counts as read when
/// the facts it is found in were.
/// </summary>
public static class ReadWith
{
    private static readonly Dictionary<Type, Type[]> Sources = new()
    {
        [typeof(LogEvent)] = [typeof(LogLine)],
    };

    public static IEnumerable<Type> Of(Type type) => Sources.GetValueOrDefault(type) ?? [];
}
