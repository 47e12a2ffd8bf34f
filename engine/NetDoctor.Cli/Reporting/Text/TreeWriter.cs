using NetDoctor.Packs.Output;

namespace NetDoctor.Cli.Reporting.Text;

/// <summary>
/// The derivation of a diagnosis as an indented tree. Each node's label is wrapped under its own guide lines, so a long
/// summary stays readable; sources and rule ids are words and are never split.
/// </summary>
public static class TreeWriter
{
    public static void Write(TextCanvas canvas, IReadOnlyList<ExplanationNode> roots, string indent = "  ")
    {
        for (int i = 0; i < roots.Count; i++) Write(canvas, roots[i], indent, i == roots.Count - 1);
    }

    private static void Write(TextCanvas canvas, ExplanationNode node, string prefix, bool last)
    {
        string branch = prefix + (last ? "└─ " : "├─ ");
        string below = prefix + (last ? "   " : "│  ");
        foreach (var line in Wrap.Hanging(SafeText.Escape(Label(node)), canvas.Width, branch, below + (node.From.Count > 0 ? "│  " : "   ")))
            canvas.Line(line);
        for (int i = 0; i < node.From.Count; i++) Write(canvas, node.From[i], below, i == node.From.Count - 1);
    }

    private static string Label(ExplanationNode node)
    {
        var label = $"{node.Type} {node.Summary}";
        if (node.Source is not null) label += $" at {node.Source}";
        if (node.ProducedBy is not null) label += $" (derived by {node.ProducedBy})";
        return label;
    }
}
