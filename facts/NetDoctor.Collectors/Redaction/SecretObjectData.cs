using System.Text.RegularExpressions;

namespace NetDoctor.Collectors.Redaction;

/// <summary>
/// Masks the values under <c>data:</c> / <c>stringData:</c> of Kubernetes Secret objects in YAML (block style, as
/// kubectl prints it, also inside a List) and JSON, keeping the keys so a reader can still see what the Secret holds.
/// </summary>
internal static partial class SecretObjectData
{
    public static (string Text, int Count) Redact(string text)
    {
        var lines = text.Split('\n');
        int count = 0;
        for (int i = 0; i < lines.Length; i++)
        {
            var kind = YamlKindSecret().Match(lines[i]);
            if (kind.Success)
            {
                int indent = kind.Groups["indent"].Length + (kind.Groups["dash"].Success ? 2 : 0);
                count += RedactYamlMapping(lines, i, indent);
            }
            else if (JsonKindSecret().IsMatch(lines[i]))
            {
                count += RedactJsonObject(lines, i);
            }
        }
        return (string.Join('\n', lines), count);
    }

    /// <summary>Masks data/stringData children of the YAML mapping (at <paramref name="indent"/>) that holds line <paramref name="at"/>.</summary>
    private static int RedactYamlMapping(string[] lines, int at, int indent)
    {
        int start = at, end = at;
        while (start > 0 && BelongsToMapping(lines[start - 1], indent) && !StartsItem(lines[start], indent)) start--;
        while (end + 1 < lines.Length && BelongsToMapping(lines[end + 1], indent) && !StartsItem(lines[end + 1], indent)) end++;
        int count = 0;
        for (int i = start; i <= end; i++)
        {
            if (!DataKey().IsMatch(Body(lines[i], indent))) continue;
            for (int j = i + 1; j <= end && Indent(lines[j]) > indent; j++)
            {
                var kv = YamlKeyValue().Match(lines[j]);
                if (kv.Success && !Redactor.IsPlaceholder(kv.Groups["value"].Value.Trim()))
                {
                    lines[j] = kv.Groups["head"].Value + Redactor.Mask;
                    count++;
                }
            }
        }
        return count;
    }

    /// <summary>Masks "data"/"stringData" values of the JSON object (one key per line, as kubectl prints it) holding line <paramref name="at"/>.</summary>
    private static int RedactJsonObject(string[] lines, int at)
    {
        // Back to the line that opens the enclosing object.
        int start = at;
        for (int balance = 0; start > 0; start--)
        {
            balance += Braces(lines[start - 1]);
            if (balance > 0) { start--; break; }
        }
        int count = 0, depth = 0, dataDepth = -1;
        for (int i = start; i < lines.Length; i++)
        {
            string line = lines[i];
            if (dataDepth >= 0 && depth > dataDepth)
            {
                var kv = JsonKeyValue().Match(line);
                if (kv.Success && !Redactor.IsPlaceholder(kv.Groups["value"].Value))
                {
                    lines[i] = kv.Groups["head"].Value + Redactor.Mask + kv.Groups["tail"].Value;
                    count++;
                }
            }
            if (JsonDataKey().IsMatch(line)) dataDepth = depth;
            depth += Braces(line);
            if (dataDepth >= 0 && depth <= dataDepth) dataDepth = -1;
            if (i > at && depth <= 0) break;
        }
        return count;
    }

    private static int Braces(string line) => line.Count(c => c == '{') - line.Count(c => c == '}');

    private static bool BelongsToMapping(string line, int indent) => line.Trim().Length == 0 || Indent(line) >= indent || StartsItem(line, indent);

    private static bool StartsItem(string line, int indent) => indent >= 2 && Indent(line) == indent - 2 && line.TrimStart().StartsWith("- ", StringComparison.Ordinal);

    private static string Body(string line, int indent)
    {
        if (StartsItem(line, indent)) return line.TrimStart()[2..];
        return Indent(line) == indent ? line.TrimStart() : "";
    }

    private static int Indent(string line)
    {
        int n = 0;
        while (n < line.Length && line[n] == ' ') n++;
        return n;
    }

    [GeneratedRegex(@"^(?<indent> *)(?<dash>- )?kind:\s*[""']?Secret[""']?\s*\r?$")]
    private static partial Regex YamlKindSecret();

    [GeneratedRegex(@"^(?:data|stringData):\s*\r?$")]
    private static partial Regex DataKey();

    [GeneratedRegex(@"^(?<head>\s+[^:#\s][^:]*:\s+)(?<value>\S.*?)\r?$")]
    private static partial Regex YamlKeyValue();

    [GeneratedRegex(@"""kind""\s*:\s*""Secret""")]
    private static partial Regex JsonKindSecret();

    [GeneratedRegex(@"""(?:data|stringData)""\s*:\s*\{")]
    private static partial Regex JsonDataKey();

    [GeneratedRegex(@"^(?<head>\s*""[^""]+""\s*:\s*"")(?<value>[^""]*)(?<tail>"".*)$")]
    private static partial Regex JsonKeyValue();
}
