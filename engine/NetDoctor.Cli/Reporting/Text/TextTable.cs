namespace NetDoctor.Cli.Reporting.Text;

/// <summary>
/// A plain table that wraps prose but never ids, paths, CIDRs or sources: only the one column marked
/// <see cref="Column.Wraps"/> is wrapped (at spaces); every other cell is printed whole, and the table is as wide as
/// they need. When the terminal is too narrow to keep the prose readable beside them, the cells after the prose column
/// move onto lines of their own under it instead of being cut.
/// </summary>
public sealed class TextTable(params TextTable.Column[] columns)
{
    /// <summary>A column: its header ("" for none), whether it holds prose that may wrap, its look, and what precedes
    /// its cells when they are moved under the prose (e.g. "at " before a file:line).</summary>
    public sealed record Column(string Header, bool Wraps = false, Style Style = Style.None, string StackedPrefix = "");

    private const int Gap = 2;

    /// <summary>Narrower than this, prose beside the other columns would be a word per line: stack instead.</summary>
    private const int MinimumProse = 24;

    private readonly List<string[]> _rows = [];

    public TextTable Row(params string[] cells)
    {
        if (cells.Length != columns.Length) throw new ArgumentException($"expected {columns.Length} cells, got {cells.Length}", nameof(cells));
        _rows.Add(cells.Select(c => c.ReplaceLineEndings(" ")).ToArray());
        return this;
    }

    public void Write(TextCanvas canvas, string indent = "  ")
    {
        int prose = Array.FindIndex(columns, c => c.Wraps);
        var widths = columns.Select((c, i) => _rows.Select(r => r[i].Length).Append(c.Header.Length).Max()).ToArray();
        bool stacked = false;
        if (prose >= 0)
        {
            int others = widths.Where((_, i) => i != prose).Sum() + Gap * (columns.Length - 1);
            int available = canvas.Width - indent.Length - others;
            int underneath = Math.Max(canvas.Width - indent.Length - Start(widths, prose), 1);
            // Side by side unless the prose would be squeezed: too narrow to read, or more lines than stacking takes.
            stacked = available < Math.Min(MinimumProse, widths[prose])
                      || Lines(prose, Math.Max(available, 1), false, underneath) > Lines(prose, underneath, true, underneath);
            widths[prose] = stacked ? underneath : Math.Min(widths[prose], available);
        }

        if (columns.Any(c => c.Header.Length > 0))
            canvas.Line(columns.Select((c, i) => (Cell(i == 0 ? indent : "", c.Header, widths[i], i, stacked, prose), Style.Bold)).ToArray());
        foreach (var row in _rows) WriteRow(canvas, indent, row, widths, prose, stacked);
    }

    private void WriteRow(TextCanvas canvas, string indent, string[] row, int[] widths, int prose, bool stacked)
    {
        // A row with nothing after its prose lets the prose run to the end of the line.
        int width = prose >= 0 && !stacked && Trailing(row, prose) ? Math.Max(canvas.Width - indent.Length - Start(widths, prose), widths[prose]) : widths[prose < 0 ? 0 : prose];
        var proseLines = prose >= 0 ? Wrap.Lines(row[prose], Math.Max(width, 1)) : [];
        int lineCount = Math.Max(1, proseLines.Count);
        for (int line = 0; line < lineCount; line++)
        {
            var pieces = new List<(string, Style)>();
            for (int i = 0; i < columns.Length; i++)
            {
                if (stacked && i > prose) break;
                string text = i == prose ? proseLines[line] : line == 0 ? row[i] : "";
                pieces.Add((Cell(i == 0 ? indent : "", text, widths[i], i, stacked, prose), columns[i].Style));
            }
            canvas.Line([.. pieces]);
        }
        if (!stacked) return;
        // Too narrow for everything on one row: the cells after the prose (e.g. the file:line source) go below it, whole.
        string under = indent + new string(' ', Start(widths, prose));
        for (int i = prose + 1; i < columns.Length; i++)
            if (row[i].Length > 0) canvas.Line((under + columns[i].StackedPrefix, Style.None), (row[i], columns[i].Style));
    }

    /// <summary>How many lines the rows take with the prose at <paramref name="width"/> (<paramref name="full"/> for a row with nothing after its prose), stacked or side by side.</summary>
    private int Lines(int prose, int width, bool stacked, int full) =>
        _rows.Sum(r => Wrap.Lines(r[prose], stacked || !Trailing(r, prose) ? width : full).Count + (stacked ? r.Skip(prose + 1).Count(c => c.Length > 0) : 0));

    /// <summary>True when every cell after the prose column is empty.</summary>
    private static bool Trailing(string[] row, int prose) => row.Skip(prose + 1).All(c => c.Length == 0);

    /// <summary>A cell padded to its column, followed by the gap (the last visible cell is not padded).</summary>
    private string Cell(string lead, string text, int width, int index, bool stacked, int prose)
    {
        bool last = index == columns.Length - 1 || (stacked && index == prose);
        return lead + (last ? text : text.PadRight(width + Gap));
    }

    private static int Start(int[] widths, int column) => widths.Take(column).Sum() + Gap * column;
}
