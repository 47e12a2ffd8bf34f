namespace NetDoctor.Packs.Expressions.Budget;

/// <summary>
/// The widest field a .NET format string asks for: "D999999999" (precision) and "{0,1000000000}" (alignment) each
/// allocate a string that long before anything can measure it, so the number is checked first.
/// </summary>
internal static class FormatWidth
{
    /// <summary>The largest run of digits in <paramref name="format"/> as a number (saturating), 0 when there is none.</summary>
    public static long Largest(string? format)
    {
        if (format is null) return 0;
        long largest = 0, current = 0;
        foreach (char c in format)
        {
            if (char.IsAsciiDigit(c))
            {
                current = Math.Min(current * 10 + (c - '0'), long.MaxValue / 20);
                largest = Math.Max(largest, current);
            }
            else
            {
                current = 0;
            }
        }
        return largest;
    }
}
