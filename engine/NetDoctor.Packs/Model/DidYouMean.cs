namespace NetDoctor.Packs.Model;

/// <summary>Suggests the closest known name for a misspelt one (edit distance, case-insensitive).</summary>
public static class DidYouMean
{
    /// <summary>" (did you mean 'Cidr'?)" or "" when nothing is close enough.</summary>
    public static string Hint(string wrong, IEnumerable<string> candidates)
    {
        string? best = Closest(wrong, candidates);
        return best is null ? "" : $" (did you mean '{best}'?)";
    }

    public static string? Closest(string wrong, IEnumerable<string> candidates)
    {
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (string candidate in candidates.Distinct(StringComparer.Ordinal))
        {
            if (candidate == wrong) continue;
            int d = Distance(wrong.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (d < bestDistance)
            {
                bestDistance = d;
                best = candidate;
            }
        }
        // Allow about one typo per four characters, at least one: "Cidrr" -> "Cidr", not "Name" -> "Node".
        int allowed = Math.Max(1, wrong.Length / 4);
        return bestDistance <= allowed ? best : null;
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        var beforePrevious = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) previous[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                // A swap of two neighbours ("Nmae" for "Name") is one typo, not two.
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    current[j] = Math.Min(current[j], beforePrevious[j - 2] + 1);
            }
            (beforePrevious, previous, current) = (previous, current, beforePrevious);
        }
        return previous[b.Length];
    }
}
