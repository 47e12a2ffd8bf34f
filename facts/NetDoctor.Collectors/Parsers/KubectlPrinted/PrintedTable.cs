using NetDoctor.Collectors.Parsing;

namespace NetDoctor.Collectors.Parsers.KubectlPrinted;

/// <summary>
/// One table `kubectl get` printed: its header, the resource it lists and its rows as cells by column name.
/// kubectl aligns columns with a tab writer, so a cell starts under its header; multi-word headers ("NOMINATED NODE") and
/// cells ("1 (2m54s ago)", "Ubuntu 20.04.6 LTS") are read by position. A row whose spacing a paste squeezed still reads
/// when it has exactly one word per column.
/// </summary>
internal sealed class PrintedTable(int line, IReadOnlyList<string> columns, List<int> starts, string resource, string? ns)
{
    /// <summary>Every column `kubectl get [-o wide]` prints for nodes, pods, services and endpoints (1.2 to today).</summary>
    private static readonly HashSet<string> Known = new(StringComparer.Ordinal)
    {
        "NAMESPACE", "NAME", "READY", "STATUS", "RESTARTS", "AGE", "IP", "NODE", "NOMINATED NODE", "READINESS GATES",
        "ROLES", "VERSION", "INTERNAL-IP", "EXTERNAL-IP", "OS-IMAGE", "KERNEL-VERSION", "CONTAINER-RUNTIME",
        "TYPE", "CLUSTER-IP", "PORT(S)", "SELECTOR", "ENDPOINTS", "LABELS", "CLUSTER_IP", "EXTERNAL_IP", "UP-TO-DATE", "AVAILABLE",
        "DESIRED", "CURRENT", "NODE SELECTOR", "CONTAINERS", "IMAGES",
    };

    private static readonly string[] TwoWord = ["NOMINATED NODE", "READINESS GATES", "NODE SELECTOR"];

    public int Line { get; } = line;
    public IReadOnlyList<string> Columns { get; } = columns;
    /// <summary>"Node", "Pod", "Service", "Endpoints"; "other:&lt;kind&gt;" for a table of a kind not read.</summary>
    public string Resource { get; } = resource;
    /// <summary>The namespace of rows without a NAMESPACE column (from the command's -n), else null.</summary>
    public string? Namespace { get; } = ns;
    public List<(int Line, Dictionary<string, string> Cells)> Rows { get; } = [];

    public bool Has(string column) => Columns.Contains(column);

    /// <summary>The header's columns and where each starts, when the line is a kubectl header (NAME and only known columns).</summary>
    public static (List<string> Columns, List<int> Starts)? Header(string line)
    {
        var words = WordsOf(line);
        var columns = new List<string>();
        var starts = new List<int>();
        for (int i = 0; i < words.Count; i++)
        {
            var (start, text) = words[i];
            if (i + 1 < words.Count && TwoWord.Contains(text + " " + words[i + 1].Text))
            {
                text += " " + words[++i].Text;
            }
            columns.Add(text);
            starts.Add(start);
        }
        if (columns.Count < 2 || !columns.Contains("NAME")) return null;
        // A column retyped with one slip ("REDAY" for READY, as in incident 000's write-up) is still that column, but
        // only next to columns that are right: a line of other words is no header.
        int typos = 0;
        for (int i = 0; i < columns.Count; i++)
        {
            if (Known.Contains(columns[i])) continue;
            if (columns[i].Length < 5 || Known.FirstOrDefault(k => OneSlipApart(k, columns[i])) is not { } meant) return null;
            columns[i] = meant;
            typos++;
        }
        return typos * 3 <= columns.Count ? (columns, starts) : null;
    }

    /// <summary>True when two words differ by one letter added, dropped, changed, or two neighbours swapped.</summary>
    private static bool OneSlipApart(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 1 || a == b) return false;
        int i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i]) i++;
        if (a.Length == b.Length)
        {
            return a.AsSpan(i + 1).SequenceEqual(b.AsSpan(i + 1))
                || i + 1 < a.Length && a[i] == b[i + 1] && a[i + 1] == b[i] && a.AsSpan(i + 2).SequenceEqual(b.AsSpan(i + 2));
        }

        return a.Length > b.Length ? a.AsSpan(i + 1).SequenceEqual(b.AsSpan(i)) : a.AsSpan(i).SequenceEqual(b.AsSpan(i + 1));
    }

    /// <summary>The resource a header lists when no command line says: by the columns only it has.</summary>
    public static string? ResourceOf(IReadOnlyList<string> columns)
    {
        if (columns.Contains("ROLES") || columns.Contains("INTERNAL-IP") || columns.Contains("KERNEL-VERSION")) return "Node";
        if (columns.Contains("RESTARTS") || columns.Contains("READINESS GATES")) return "Pod";
        if (columns.Contains("CLUSTER-IP") || columns.Contains("CLUSTER_IP") || columns.Contains("PORT(S)")) return "Service";
        if (columns.Contains("ENDPOINTS")) return "Endpoints";
        if (columns.Count <= 5 && columns.Contains("STATUS") && columns.Contains("VERSION")) return "Node";
        return null;
    }

    /// <summary>The cells of a row by column (absent when empty); null when the row cannot be laid on the columns.</summary>
    public Dictionary<string, string>? Cells(string row)
    {
        // kubectl pads columns with at least three blanks and no cell holds two in a row, so the runs of words joined by
        // single blanks are the cells, each starting under its column's header.
        var cells = new Dictionary<string, string>(StringComparer.Ordinal);
        bool aligned = true;
        foreach (var (start, text) in Chunks(row))
        {
            int col = starts.IndexOf(start);
            // One blank of drift, as a paste through a web page sometimes leaves.
            if (col < 0) col = Enumerable.Range(0, starts.Count).FirstOrDefault(i => Math.Abs(starts[i] - start) == 1, -1);
            if (col < 0 || cells.ContainsKey(Columns[col])) { aligned = false; break; }
            cells[Columns[col]] = text;
        }
        if (aligned && cells.Count > 0) return cells;
        // Spacing squeezed by the paste: one word per column still reads.
        var words = WordsOf(row);
        return words.Count == Columns.Count
            ? Columns.Select((c, i) => (c, words[i].Text)).ToDictionary(p => p.c, p => p.Text, StringComparer.Ordinal)
            : null;
    }

    /// <summary>Runs of words separated by single blanks, with where each starts.</summary>
    private static IEnumerable<(int Start, string Text)> Chunks(string row)
    {
        var words = WordsOf(row);
        for (int i = 0; i < words.Count;)
        {
            int start = words[i].Start, end = start + words[i].Text.Length, j = i + 1;
            while (j < words.Count && words[j].Start == end + 1 && row[end] == ' ') { end = words[j].Start + words[j].Text.Length; j++; }
            yield return (start, row[start..end]);
            i = j;
        }
    }

    /// <summary>Words split as every parser splits them (<see cref="Words"/>), with where each starts.</summary>
    private static List<(int Start, string Text)> WordsOf(string line)
    {
        var words = new List<(int, string)>();
        var w = new Words(line);
        while (w.Next(out var word))
        {
            line.AsSpan().Overlaps(word, out int start);
            words.Add((start, word.ToString()));
        }
        return words;
    }
}
