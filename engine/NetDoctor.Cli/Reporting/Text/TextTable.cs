using NetDoctor.Packs.Output;

namespace NetDoctor.Cli.Reporting.Text;

/// <summary>
/// A plain table that wraps prose but never ids, paths, CIDRs or sources: only the one column marked
/// <see cref="Column.Wraps"/> is wrapped (at spaces); every other cell is printed whole, and the table is as wide as
/// they need. When the terminal is too narrow to keep the prose readable beside them, the cells after the prose move
/// onto lines of their own under it; when even that leaves the prose no room, the prose goes under the whole row.
/// </summary>
public sealed class TextTable(params TextTable.Column[] columns)
{
    /// <summary>A column: its header ("" for none), whether it holds prose that may wrap, its look, and what precedes
    /// its cells when they are moved under the prose (e.g. "at " before a file:line).</summary>
    public sealed record Column(string Header, bool Wraps = false, Style Style = Style.None, string StackedPrefix = "");

    private enum Layout
    {
        /// <summary>Every cell of a row on its line(s), the prose wrapped in its column.</summary>
        SideBySide,

        /// <summary>The cells after the prose each on a line of their own, under the prose.</summary>
        Under,

        /// <summary>The other cells on one line, the prose indented on the lines below.</summary>
        Block,
    }

    private const int Gap = 2;

    /// <summary>Narrower than this, prose beside the other columns would be a word per line.</summary>
    private const int MinimumProse = 24;

    private const string BlockIndent = "    ";

    private readonly List<string[]> _rows = [];

    public TextTable Row(params string[] cells)
    {
        if (cells.Length != columns.Length) throw new ArgumentException($"expected {columns.Length} cells, got {cells.Length}", nameof(cells));
        // Escaped before measuring (a cell is one line: a CR or TAB is shown, a line break becomes a space).
        _rows.Add(cells.Select(c => SafeText.Escape(c, SafeText.Keep.NewLine).Replace('\n', ' ')).ToArray());
        return this;
    }

    public void Write(TextCanvas canvas, string indent = "  ")
    {
        int prose = Array.FindIndex(columns, c => c.Wraps);
        var widths = columns.Select((c, i) => _rows.Select(r => r[i].Length).Append(c.Header.Length).Max()).ToArray();
        var layout = Layout.SideBySide;
        if (prose >= 0)
        {
            int others = widths.Where((_, i) => i != prose).Sum() + Gap * (columns.Length - 1);
            int beside = canvas.Width - indent.Length - others;
            int under = canvas.Width - indent.Length - Start(widths, prose);
            // Side by side unless the prose would be squeezed: too narrow to read, or more lines than putting the rest under it.
            if (under < Math.Min(MinimumProse, widths[prose])) layout = Layout.Block;
            else if (beside < Math.Min(MinimumProse, widths[prose]) || Lines(prose, Math.Max(beside, 1), false, under) > Lines(prose, under, true, under)) layout = Layout.Under;
            widths[prose] = layout switch
            {
                Layout.SideBySide => Math.Min(widths[prose], beside),
                Layout.Under => under,
                _ => canvas.Width - indent.Length - BlockIndent.Length,
            };
        }

        if (columns.Any(c => c.Header.Length > 0))
            canvas.Line(Visible(prose, layout).Select(i => (Cell(i == 0 ? indent : "", columns[i].Header, widths[i], i, Last(i, prose, layout)), Style.Bold)).ToArray());
        foreach (var row in _rows) WriteRow(canvas, indent, row, widths, prose, layout);
    }

    private void WriteRow(TextCanvas canvas, string indent, string[] row, int[] widths, int prose, Layout layout)
    {
        // A row with nothing after its prose lets the prose run to the end of the line.
        int width = prose < 0 ? 0
            : layout == Layout.SideBySide && Trailing(row, prose) ? Math.Max(canvas.Width - indent.Length - Start(widths, prose), widths[prose])
            : widths[prose];
        var proseLines = prose >= 0 ? Wrap.Lines(row[prose], Math.Max(width, 1)) : [];
        int lineCount = layout == Layout.Block ? 1 : Math.Max(1, proseLines.Count);
        var visible = Visible(prose, layout).ToList();
        for (int line = 0; line < lineCount; line++)
        {
            var pieces = visible.Select(i => (Cell(i == visible[0] ? indent : "", i == prose ? proseLines[line] : line == 0 ? row[i] : "", widths[i], i, Last(i, prose, layout)), columns[i].Style));
            canvas.Line([.. pieces]);
        }
        if (layout == Layout.Block)
        {
            // No room beside the other cells: the prose under the row, indented, at nearly the full width.
            foreach (string line in proseLines) canvas.Line(indent + BlockIndent + line);
        }
        else if (layout == Layout.Under)
        {
            // The cells after the prose (e.g. the file:line source) go below it, whole.
            string under = indent + new string(' ', Start(widths, prose));
            for (int i = prose + 1; i < columns.Length; i++)
                if (row[i].Length > 0) canvas.Line((under + columns[i].StackedPrefix, Style.None), (row[i], columns[i].Style));
        }
    }

    /// <summary>The columns printed on a row's first line(s).</summary>
    private IEnumerable<int> Visible(int prose, Layout layout) => Enumerable.Range(0, columns.Length).Where(i => layout switch
    {
        Layout.Under => i <= prose,
        Layout.Block => i != prose,
        _ => true,
    });

    private bool Last(int index, int prose, Layout layout) => index == Visible(prose, layout).Last();

    /// <summary>How many lines the rows take with the prose at <paramref name="width"/> (<paramref name="full"/> for a row with nothing after its prose), with the rest under it or beside it.</summary>
    private int Lines(int prose, int width, bool under, int full) =>
        _rows.Sum(r => Wrap.Lines(r[prose], under || !Trailing(r, prose) ? width : full).Count + (under ? r.Skip(prose + 1).Count(c => c.Length > 0) : 0));

    /// <summary>True when every cell after the prose column is empty.</summary>
    private static bool Trailing(string[] row, int prose) => row.Skip(prose + 1).All(c => c.Length == 0);

    /// <summary>A cell padded to its column, followed by the gap (the last cell of a line is not padded).</summary>
    private static string Cell(string lead, string text, int width, int index, bool last) => lead + (last ? text : text.PadRight(width + Gap));

    private static int Start(int[] widths, int column) => widths.Take(column).Sum() + Gap * column;
}
