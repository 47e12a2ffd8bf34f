using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace NetDoctor.Packs.Expressions.Helpers;

/// <summary>
/// Regular expressions for rule expressions, with a fixed match timeout so a catastrophic pattern over a long log line
/// fails that one condition (the engine reports it with the rule id) instead of hanging the run.
/// </summary>
public static class Regex
{
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(200);

    private static readonly ConcurrentDictionary<string, System.Text.RegularExpressions.Regex> Cache = new(StringComparer.Ordinal);

    public static bool IsMatch(string? text, string pattern) => text is not null && Get(pattern).IsMatch(text);

    /// <summary>The first capture group (or the whole match when the pattern has none); null when there is no match.</summary>
    public static string? Match(string? text, string pattern)
    {
        if (text is null) return null;
        var match = Get(pattern).Match(text);
        if (!match.Success) return null;
        return match.Groups.Count > 1 ? match.Groups[1].Value : match.Value;
    }

    private static System.Text.RegularExpressions.Regex Get(string pattern) =>
        Cache.GetOrAdd(pattern, p => new System.Text.RegularExpressions.Regex(p, RegexOptions.CultureInvariant, MatchTimeout));
}
