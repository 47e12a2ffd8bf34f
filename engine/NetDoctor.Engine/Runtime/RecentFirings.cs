namespace NetDoctor.Engine.Runtime;

/// <summary>
/// The rules of the last firings of one <c>Fire</c> (a ring), so that a runaway is reported by the rules still cycling
/// at the end of the budget rather than by whatever fired first. Both runtimes report runaways through it.
/// </summary>
internal sealed class RecentFirings
{
    private const int Window = 1000;

    private readonly string[] _names;
    private int _count;

    public RecentFirings(int budget) => _names = new string[Math.Max(1, Math.Min(budget, Window))];

    public void Add(string rule) => _names[_count++ % _names.Length] = rule;

    /// <summary>
    /// The rules that fired more than once in the window, most frequent first: a rule that fired once there is not
    /// cycling (with equal priorities NRules fires oldest first, so a one-off rule can land inside the window).
    /// </summary>
    public RunawayRulesException Runaway(int budget, string next)
    {
        var window = Math.Min(_count, _names.Length);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < window; i++)
        {
            counts[_names[i]] = counts.GetValueOrDefault(_names[i]) + 1;
        }
        if (counts.Count == 0)
        {
            counts[next] = 1;
        }
        var cycling = counts.Values.Any(n => n > 1) ? counts.Where(kv => kv.Value > 1) : counts;
        var ranked = cycling.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).ToList();
        var detail = string.Join(", ", ranked.Select(kv => $"{kv.Key} ({kv.Value} of the last {window} firings)"));
        return new RunawayRulesException([.. ranked.Select(kv => kv.Key)], budget, detail);
    }
}
