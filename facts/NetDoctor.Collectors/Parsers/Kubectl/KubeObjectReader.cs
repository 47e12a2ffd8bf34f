using NetDoctor.Collectors.Parsing;
using YamlDotNet.RepresentationModel;

namespace NetDoctor.Collectors.Parsers.Kubectl;

/// <summary>
/// Splits a kubectl / calicoctl output (YAML, multi-document YAML, or JSON — which YAML reads too) into objects with
/// the line each starts on: list items ("kind: List" / "…List" with items) become one object each.
/// A malformed document costs only itself: documents are parsed one by one, and a malformed list document is retried
/// item by item so the items around a bad one survive.
/// </summary>
public static class KubeObjectReader
{
    public static List<KubeObject> Read(ParseInput input, ParseResult result)
    {
        var objects = new List<KubeObject>();
        foreach (var (firstLine, text) in Documents(input.Text))
        {
            if (string.IsNullOrWhiteSpace(text) || IsOnlyComments(text)) continue;
            var repeats = new List<(int Line, string Message)>();
            if (YamlLoader.TryLoad(text, out var root, out var error, repeats))
            {
                foreach (var (line, message) in repeats) result.Problem(input.At(firstLine - 1 + line), message);
                Collect(root, firstLine, objects, input, result);
                continue;
            }
            result.Problem(input.At(firstLine - 1 + error.Line), $"malformed YAML/JSON document: {Snippet.Of(error.Message)}");
            SalvageItems(text, firstLine, objects, input, result);
        }
        return objects;
    }

    private static void Collect(YamlNode? root, int firstLine, List<KubeObject> objects, ParseInput input, ParseResult result)
    {
        if (root is null) return;
        // calicoctl v1 (`calicoctl get ipPool -o yaml`, Calico 2.x) prints its resources as a bare YAML sequence.
        if (root is YamlSequenceNode sequence && sequence.Children.Count > 0 && sequence.Children.All(c => c is YamlMappingNode item && item.Child("kind") is not null))
        {
            foreach (var item in sequence.Children) objects.Add(new KubeObject(firstLine - 1 + item.Line(), (YamlMappingNode)item));
            return;
        }
        if (root is not YamlMappingNode map)
        {
            result.Problem(input.At(firstLine - 1 + root.Line()), "document is not a Kubernetes object (not a mapping)");
            return;
        }
        var kind = map.Str("kind");
        if (map.Child("items") is YamlSequenceNode items && (kind is null || kind.EndsWith("List", StringComparison.Ordinal)))
        {
            foreach (var item in items.Children)
            {
                if (item is YamlMappingNode itemMap) objects.Add(new KubeObject(firstLine - 1 + item.Line(), itemMap));
                else result.Problem(input.At(firstLine - 1 + item.Line()), "list item is not a Kubernetes object (not a mapping)");
            }
            return;
        }
        objects.Add(new KubeObject(firstLine - 1 + map.Line(), map));
    }

    /// <summary>
    /// kubectl writes list items at column 0 under "items:" ("- apiVersion: v1"); cut there and parse each on its own.
    /// Items are re-indented by two spaces so that "- " at column 0 becomes a one-item sequence.
    /// </summary>
    private static void SalvageItems(string text, int firstLine, List<KubeObject> objects, ParseInput input, ParseResult result)
    {
        var lines = TextLines.Split(text);
        int itemsAt = lines.FindIndex(l => l.Text.TrimEnd() == "items:");
        if (itemsAt < 0) return;
        int start = -1;
        for (int i = itemsAt + 1; i <= lines.Count; i++)
        {
            bool boundary = i == lines.Count || lines[i].Text.StartsWith("- ", StringComparison.Ordinal) ||
                            (lines[i].Text.Length > 0 && !char.IsWhiteSpace(lines[i].Text[0]) && lines[i].Text[0] != '-');
            if (!boundary) continue;
            if (start >= 0)
            {
                var chunk = string.Join('\n', lines.Skip(start).Take(i - start).Select(l => l.Text));
                int chunkLine = firstLine - 1 + lines[start].Number;
                if (TryLoad(chunk, out var node, out _) && node is YamlSequenceNode { Children: [YamlMappingNode item] })
                    objects.Add(new KubeObject(chunkLine + item.Line() - 1, item));
            }
            start = i < lines.Count && lines[i].Text.StartsWith("- ", StringComparison.Ordinal) ? i : -1;
        }
    }

    /// <summary>Loads one YAML/JSON document without ever throwing; on failure gives the line (in <paramref name="text"/>) and reason.</summary>
    public static bool TryLoad(string text, out YamlNode? root, out (int Line, string Message) error) =>
        YamlLoader.TryLoad(text, out root, out error, null);

    /// <summary>Cuts the text at "---" document markers (and "..." document ends), remembering where each document starts.</summary>
    private static IEnumerable<(int FirstLine, string Text)> Documents(string text)
    {
        // Most files are one document (kubectl lists); don't copy a large text line by line for nothing.
        if (!text.StartsWith("---", StringComparison.Ordinal) && !text.StartsWith("...", StringComparison.Ordinal) &&
            !text.Contains("\n---", StringComparison.Ordinal) && !text.Contains("\n...", StringComparison.Ordinal) &&
            !text.Contains("\r---", StringComparison.Ordinal) && !text.Contains("\r...", StringComparison.Ordinal))
        {
            yield return (1, text);
            yield break;
        }
        var lines = TextLines.Split(text);
        var current = new List<string>();
        int first = 1;
        foreach (var (number, line) in lines)
        {
            if (IsMarker(line))
            {
                yield return (first, string.Join('\n', current));
                current.Clear();
                // "--- kind: X" keeps content on the marker line; keep the line (without the marker) for correct numbering.
                first = number;
                current.Add(line.StartsWith("---", StringComparison.Ordinal) ? line[3..] : "");
                continue;
            }
            current.Add(line);
        }
        yield return (first, string.Join('\n', current));
    }

    private static bool IsMarker(string line) =>
        (line.StartsWith("---", StringComparison.Ordinal) && (line.Length == 3 || line[3] == ' ' || line[3] == '\t')) ||
        line.TrimEnd() == "...";

    private static bool IsOnlyComments(string text)
    {
        bool lineStart = true, comment = false;
        foreach (char c in text)
        {
            if (c is '\n' or '\r')
            {
                lineStart = true;
                comment = false;
            }
            else if (comment || char.IsWhiteSpace(c))
            {
                continue;
            }
            else if (lineStart && c == '#')
            {
                comment = true;
            }
            else
            {
                return false;
            }
        }
        return true;
    }
}
