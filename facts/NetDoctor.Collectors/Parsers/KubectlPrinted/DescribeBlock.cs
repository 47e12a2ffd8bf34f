namespace NetDoctor.Collectors.Parsers.KubectlPrinted;

/// <summary>
/// The output `kubectl describe` prints for one object, from its "Name:" line, as a tree by indentation. A line that is
/// neither a field nor under one is returned in <see cref="Stray"/>, for the caller to report.
/// </summary>
internal sealed class DescribeBlock
{
    private DescribeBlock(int line) => Line = line;

    public int Line { get; }
    public List<DescribeField> Fields { get; } = [];
    public List<(int Line, string Text)> Stray { get; } = [];

    public DescribeField? this[string key] => Fields.FirstOrDefault(f => f.Key == key);

    public string? Value(string key) => PrintedValues.OrNull(this[key]?.Value);

    public static DescribeBlock Read(IReadOnlyList<(int Line, string Text)> lines)
    {
        var block = new DescribeBlock(lines.Count > 0 ? lines[0].Line : 0);
        int baseIndent = lines.Count > 0 ? Indent(lines[0].Text) : 0;
        var open = new Stack<DescribeField>();
        foreach (var (number, text) in lines)
        {
            if (string.IsNullOrWhiteSpace(text)) continue;
            int indent = Indent(text);
            var split = DescribeField.Split(text.Trim());
            // A damaged line at the top level (a paste's "**Status:") is reported and does not end the field above it,
            // so the rows still under that field (the rest of an Events table) stay with it.
            if (indent <= baseIndent && split is null)
            {
                block.Stray.Add((number, text));
                continue;
            }
            while (open.Count > 0 && open.Peek().Indent >= indent) open.Pop();
            var parent = open.Count > 0 ? open.Peek() : null;
            if (parent is null && indent > baseIndent)
            {
                block.Stray.Add((number, text));
                continue;
            }
            parent?.Lines.Add((number, text));
            if (split is not { } kv) continue;
            var field = new DescribeField(kv.Key, kv.Value, number, indent);
            (parent?.Fields ?? block.Fields).Add(field);
            open.Push(field);
        }
        return block;
    }

    /// <summary>Leading blanks; a tab (old kubectl) counts as one.</summary>
    private static int Indent(string text)
    {
        int n = 0;
        while (n < text.Length && (text[n] == ' ' || text[n] == '\t')) n++;
        return n;
    }
}
