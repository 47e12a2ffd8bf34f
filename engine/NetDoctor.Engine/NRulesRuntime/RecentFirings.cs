namespace NetDoctor.Engine.NRulesRuntime;

/// <summary>
/// The rules of the last firings of one <c>Fire</c> (a ring), so that a runaway is reported by the rules still cycling
/// at the end of the budget rather than by whatever fired first.
/// </summary>
internal sealed class RecentFirings
{
    /// <summary>Same window as the indexed runtime's runaway report.</summary>
    private const int Window = 1000;

    private readonly string[] names = new string[Window];
    private int count;

    public void Clear() => count = 0;

    public void Add(string rule) => names[count++ % Window] = rule;

    public RunawayRulesException Runaway(int budget, string next)
    {
        var window = Math.Min(count, Window);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < window; i++)
        {
            counts[names[i]] = counts.GetValueOrDefault(names[i]) + 1;
        }
        if (counts.Count == 0)
        {
            counts[next] = 1;
        }
        var ranked = counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).ToList();
        var detail = string.Join(", ", ranked.Select(kv => $"{kv.Key} ({kv.Value} of the last {window} firings)"));
        return new RunawayRulesException([.. ranked.Select(kv => kv.Key)], budget, detail);
    }
}
