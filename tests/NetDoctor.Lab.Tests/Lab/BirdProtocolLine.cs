namespace NetDoctor.Lab.Tests.Lab;

/// <summary>One row of BIRD's `show protocols` table (name proto table state since info...).</summary>
public sealed record BirdProtocolLine(string Name, string Proto, string Table, string State, string Since, string Info)
{
    public bool IsEstablished => Info.StartsWith("Established", StringComparison.Ordinal);

    public static IReadOnlyList<BirdProtocolLine> Parse(string text)
    {
        var rows = new List<BirdProtocolLine>();
        foreach (var line in text.Split('\n'))
        {
            var cells = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (cells.Length < 5 || cells[0] is "name" or "BIRD") continue;
            var info = cells.Length > 5 ? string.Join(' ', cells.Skip(5)) : "";
            rows.Add(new BirdProtocolLine(cells[0], cells[1], cells[2], cells[3], cells[4], info));
        }
        return rows;
    }
}
