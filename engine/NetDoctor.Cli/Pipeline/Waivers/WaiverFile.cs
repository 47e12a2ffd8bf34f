using System.Globalization;
using NetDoctor.Cli.Commands;
using NetDoctor.Collectors.Parsing;
using NetDoctor.Packs.Model;
using YamlDotNet.RepresentationModel;

namespace NetDoctor.Cli.Pipeline.Waivers;

/// <summary>
/// Reads a --waivers file: a YAML list of `{rule, node?, reason, expires?}`. The file goes through the same guarded YAML
/// loader as bundle documents (depth and alias budgets, repeated keys). Anything that is not that shape is a usage
/// error listing every mistake at file:line (exit 2): a waiver that silently does not apply would hide nothing and
/// waive nothing, which is worse than refusing it.
/// </summary>
public static class WaiverFile
{
    private static readonly string[] Keys = ["rule", "node", "reason", "expires"];

    public static IReadOnlyList<Waiver> Read(string path)
    {
        if (!File.Exists(path)) throw new UsageException($"--waivers {path}: no such file");
        string text = File.ReadAllText(path);
        var warnings = new List<(int Line, string Message)>();
        if (!YamlLoader.TryLoad(text, out var root, out var error, warnings))
            throw new UsageException($"{path}:{error.Line}: {error.Message}");

        var errors = warnings.Select(w => $"{path}:{w.Line}: {w.Message}").ToList();
        var waivers = new List<Waiver>();
        switch (root)
        {
            case null:
            case YamlScalarNode { Value: null or "" }:
                break;   // an empty file waives nothing
            case YamlSequenceNode list:
                foreach (var item in list.Children)
                    if (Entry(path, item, errors) is { } waiver) waivers.Add(waiver);
                break;
            default:
                errors.Add($"{path}:{Line(root)}: expected a list of waivers (`- rule: ID`, `reason: ...`), found a {Kind(root)}");
                break;
        }
        if (errors.Count > 0)
        {
            // In file order, as a compiler lists them (each message starts with "path:line: ").
            var ordered = errors.OrderBy(e => int.TryParse(e[(path.Length + 1)..].Split(':')[0], out int line) ? line : 0);
            throw new UsageException($"--waivers {path} is not a valid waiver file:" + Environment.NewLine + string.Join(Environment.NewLine, ordered.Select(e => "  " + e)));
        }
        return waivers;
    }

    private static Waiver? Entry(string path, YamlNode item, List<string> errors)
    {
        string at = $"{path}:{Line(item)}";
        if (item is not YamlMappingNode map)
        {
            errors.Add($"{at}: a waiver is a mapping with rule, reason and optional node and expires; found a {Kind(item)}");
            return null;
        }
        int before = errors.Count;
        foreach (var key in map.Children.Keys)
        {
            string name = (key as YamlScalarNode)?.Value ?? "";
            if (!Keys.Contains(name))
                errors.Add($"{path}:{Line(key)}: unknown key '{name}'{DidYouMean.Hint(name, Keys)}; a waiver has rule, node, reason and expires");
        }
        string? rule = Text(path, map, "rule", errors);
        string? node = Text(path, map, "node", errors);
        string? reason = Text(path, map, "reason", errors);
        string? expiresText = Text(path, map, "expires", errors);
        if (string.IsNullOrWhiteSpace(rule)) errors.Add($"{at}: missing 'rule' (a rule id such as calico/bgp-session-down, or a glob such as calico/*)");
        if (string.IsNullOrWhiteSpace(reason)) errors.Add($"{at}: missing 'reason': say why the finding is accepted (a ticket, an owner), so the next reader knows");
        DateOnly? expires = null;
        if (expiresText is not null)
        {
            if (DateOnly.TryParseExact(expiresText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) expires = date;
            else errors.Add($"{path}:{Line(map.Children[new YamlScalarNode("expires")])}: expires '{expiresText}' is not a date YYYY-MM-DD");
        }
        return errors.Count > before ? null : new Waiver(rule!.Trim(), node, reason!.Trim(), expires, at);
    }

    /// <summary>The scalar under <paramref name="key"/>; a list or mapping there is an error.</summary>
    private static string? Text(string path, YamlMappingNode map, string key, List<string> errors)
    {
        if (!map.Children.TryGetValue(new YamlScalarNode(key), out var value)) return null;
        if (value is YamlScalarNode scalar) return string.IsNullOrEmpty(scalar.Value) ? null : scalar.Value;
        errors.Add($"{path}:{Line(value)}: '{key}' must be a single value, found a {Kind(value)}");
        return null;
    }

    private static long Line(YamlNode node) => Math.Max(1, node.Start.Line);

    private static string Kind(YamlNode node) => node switch
    {
        YamlSequenceNode => "list",
        YamlMappingNode => "mapping",
        _ => $"value '{((YamlScalarNode)node).Value}'",
    };
}
