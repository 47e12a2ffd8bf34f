namespace NetDoctor.Packs.Expressions.Helpers;

/// <summary>String helpers reachable from rule expressions (null-safe, ordinal, case-insensitive where it says so).</summary>
public static class Text
{
    public static bool IsEmpty(string? s) => string.IsNullOrWhiteSpace(s);

    public static bool ContainsIgnoreCase(string? s, string? part) => s is not null && part is not null && s.Contains(part, StringComparison.OrdinalIgnoreCase);

    public static bool EqualsIgnoreCase(string? a, string? b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    public static bool StartsWithAny(string? s, params string[] prefixes) => s is not null && prefixes.Any(p => s.StartsWith(p, StringComparison.Ordinal));

    public static string Join(string separator, IEnumerable<string?>? items) => items is null ? "" : string.Join(separator, items);

    public static string Join(string separator, IEnumerable<object?>? items) => items is null ? "" : string.Join(separator, items);

    public static string[] Split(string? s, string separator) =>
        s is null ? [] : s.Split(separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static string Lower(string? s) => s?.ToLowerInvariant() ?? "";

    public static string OrEmpty(string? s) => s ?? "";

    /// <summary>A count with its noun in the right number: <c>Count(1, "log line")</c> is "1 log line", 6 gives "6 log lines".</summary>
    public static string Count(int count, string singular) => Count(count, singular, singular + "s");

    /// <summary>A count with an irregular plural: <c>Count(2, "address", "addresses")</c>.</summary>
    public static string Count(int count, string singular, string plural) => $"{count} {(count == 1 ? singular : plural)}";
}
