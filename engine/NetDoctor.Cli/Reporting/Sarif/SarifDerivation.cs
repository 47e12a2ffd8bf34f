using System.Text.Json.Nodes;

namespace NetDoctor.Cli.Reporting.Sarif;

/// <summary>The derivation of a diagnosis in SARIF: with --explain, the facts it rests on become the result's related locations.</summary>
public static class SarifDerivation
{
    /// <summary>--explain: every fact of the derivation that has a file:line, saying what it led to and by which rule.</summary>
    public static JsonArray RelatedLocations(ExplanationNode root, SarifSources sources)
    {
        var related = new JsonArray();
        int id = 1;
        foreach (var (node, parent) in Descendants(root))
        {
            if (node.Source is null || sources.Physical(node.Source) is not { } physical) continue;
            string led = parent is null || parent == root ? "evidence of this diagnosis" : $"led to {parent.Type} {parent.Summary} (derived by {parent.ProducedBy})";
            related.Add(new JsonObject
            {
                ["id"] = id++,
                ["physicalLocation"] = physical,
                ["message"] = new JsonObject { ["text"] = $"{node.Type} {node.Summary}: {led}" },
            });
        }
        return related;
    }

    /// <summary>Every node of the tree below the root, with its parent, depth first.</summary>
    public static IEnumerable<(ExplanationNode Node, ExplanationNode? Parent)> Descendants(ExplanationNode? root)
    {
        if (root is null) yield break;
        var stack = new Stack<(ExplanationNode, ExplanationNode?)>(root.From.Reverse().Select(c => (c, (ExplanationNode?)root)));
        while (stack.Count > 0)
        {
            var (node, parent) = stack.Pop();
            yield return (node, parent);
            foreach (var child in node.From.Reverse()) stack.Push((child, node));
        }
    }
}
