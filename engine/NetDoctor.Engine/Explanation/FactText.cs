using System.Collections;

namespace NetDoctor.Engine;

/// <summary>Short, bounded text for a fact in error messages and traces (aggregate results can be large).</summary>
internal static class FactText
{
    private const int MaxLength = 200;

    public static string Describe(object? value)
    {
        var text = value switch
        {
            null => "null",
            string s => s,
            IEnumerable items when value.GetType().IsArray || value is ICollection => $"[{Count(items)} items]",
            _ => value.ToString() ?? value.GetType().Name,
        };
        return text.Length <= MaxLength ? text : text[..MaxLength] + "…";
    }

    public static string Describe(IEnumerable<BoundFact> facts) => string.Join("; ", facts.Select(f => f.ToString()));

    private static int Count(IEnumerable items)
    {
        var n = 0;
        foreach (var _ in items)
        {
            n++;
        }
        return n;
    }
}
