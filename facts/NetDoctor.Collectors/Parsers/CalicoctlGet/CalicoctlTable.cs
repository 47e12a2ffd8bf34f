using NetDoctor.Collectors.Parsing;

namespace NetDoctor.Collectors.Parsers.CalicoctlGet;

/// <summary>
/// The columns of one `calicoctl get` table, from its header. calicoctl aligns columns with a tab writer, so a cell
/// starts under its header; a pasted row whose spacing was squeezed still reads when it has one word per column.
/// </summary>
internal sealed class CalicoctlTable(int line, IReadOnlyList<string> columns, IReadOnlyList<int> starts, string? kind)
{
    public int Line { get; } = line;
    public IReadOnlyList<string> Columns { get; } = columns;
    public string? Kind { get; } = kind;
    public List<(int Line, Dictionary<string, string> Cells)> Rows { get; } = [];

    public bool Has(string column) => Columns.Contains(column);

    /// <summary>The cells of a row by column name (empty cells are absent); null when the row cannot be laid on the columns.</summary>
    public Dictionary<string, string>? Cells(string row)
    {
        var words = Words(row);
        var cells = new Dictionary<string, string>(StringComparer.Ordinal);
        if (words.Count == Columns.Count)
        {
            for (int i = 0; i < words.Count; i++) cells[Columns[i]] = words[i].Text;
            return cells;
        }
        if (words.Count > Columns.Count && !Has("LABELS") && !Has("TAGS")) return null;
        // Fewer words than columns: some cells are empty (no IPv6 address, no selector); place each word under the
        // column it starts in, allowing two characters of drift. Several words under one column (labels) are joined.
        foreach (var (start, text) in words)
        {
            int col = 0;
            for (int i = 0; i < starts.Count; i++)
                if (starts[i] <= start + 2) col = i;
            cells[Columns[col]] = cells.TryGetValue(Columns[col], out var before) ? before + " " + text : text;
        }
        return cells;
    }

    /// <summary>The row's words (split as every parser splits them, see <see cref="Words"/>) and the column each starts at.</summary>
    private static List<(int Start, string Text)> Words(string row)
    {
        var words = new List<(int, string)>();
        var w = new Words(row);
        while (w.Next(out var word))
        {
            row.AsSpan().Overlaps(word, out int start);
            words.Add((start, word.ToString()));
        }
        return words;
    }

    /// <summary>Header words and where each starts.</summary>
    public static (List<string> Columns, List<int> Starts) Header(string line)
    {
        var columns = new List<string>();
        var starts = new List<int>();
        foreach (var (start, text) in Words(line))
        {
            columns.Add(text);
            starts.Add(start);
        }
        return (columns, starts);
    }
}
