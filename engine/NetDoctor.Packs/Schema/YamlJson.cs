using System.Globalization;
using System.Text.RegularExpressions;
using NetDoctor.Packs.Loading;
using NetDoctor.Packs.Model;
using Newtonsoft.Json.Linq;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace NetDoctor.Packs.Schema;

/// <summary>
/// Converts a YAML document to JSON for schema validation, remembering for every JSON path (in the validator's
/// "#/a[0].b" notation) the YAML position it came from, so schema errors point at file:line:column.
/// Plain scalars are typed the YAML 1.2 core way (null, booleans, numbers); quoted scalars stay strings.
/// </summary>
internal sealed partial class YamlJson
{
    private readonly PackFile _file;
    private readonly Dictionary<string, (SourceMark Mark, JToken Token)> _marks = new(StringComparer.Ordinal);

    private YamlJson(PackFile file) => _file = file;

    public static (JToken Json, YamlJson Map) Convert(PackFile file, YamlNode root)
    {
        var map = new YamlJson(file);
        var json = map.ToJson(root, "#", file.At(root));
        return (json, map);
    }

    /// <summary>The mark of a path, or of its nearest ancestor that exists (a missing property points at its parent).</summary>
    public SourceMark MarkOf(string path)
    {
        for (string p = path; ; p = Parent(p))
        {
            if (_marks.TryGetValue(p, out var hit)) return hit.Mark;
            if (p == "#" || p.Length == 0) return _file.Whole;
        }
    }

    public JToken? TokenAt(string path) => _marks.TryGetValue(path, out var hit) ? hit.Token : null;

    private JToken ToJson(YamlNode node, string path, SourceMark keyMark)
    {
        JToken token = node switch
        {
            YamlMappingNode map => MapToJson(map, path),
            YamlSequenceNode seq => SeqToJson(seq, path),
            YamlScalarNode scalar => Scalar(scalar),
            _ => JValue.CreateNull(),
        };
        _marks[path] = (keyMark, token);
        return token;
    }

    private JObject MapToJson(YamlMappingNode map, string path)
    {
        var obj = new JObject();
        foreach (var (key, value) in map.Children)
        {
            string name = key is YamlScalarNode s ? s.Value ?? "" : key.ToString();
            obj[name] = ToJson(value, Child(path, name), _file.At(key));
        }
        return obj;
    }

    private JArray SeqToJson(YamlSequenceNode seq, string path)
    {
        var array = new JArray();
        for (int i = 0; i < seq.Children.Count; i++)
            array.Add(ToJson(seq.Children[i], $"{path}[{i}]", _file.At(seq.Children[i])));
        return array;
    }

    private static JToken Scalar(YamlScalarNode scalar)
    {
        string text = scalar.Value ?? "";
        if (scalar.Style != ScalarStyle.Plain || (!scalar.Tag.IsEmpty && !scalar.Tag.IsNonSpecific && scalar.Tag.Value == "tag:yaml.org,2002:str")) return new JValue(text);
        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL": return JValue.CreateNull();
            case "true" or "True" or "TRUE": return new JValue(true);
            case "false" or "False" or "FALSE": return new JValue(false);
        }
        if (IntPattern().IsMatch(text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long l))
            return new JValue(l);
        if (FloatPattern().IsMatch(text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double d))
            return new JValue(d);
        return new JValue(text);
    }

    private static string Child(string path, string name) => path == "#" ? "#/" + name : path + "." + name;

    private static string Parent(string path)
    {
        if (path == "#") return "";
        int cut = Math.Max(path.LastIndexOf('.'), Math.Max(path.LastIndexOf('['), path.LastIndexOf('/')));
        if (cut <= 0) return "#";
        return path[cut] == '/' ? "#" : path[..cut];
    }

    [GeneratedRegex(@"^[-+]?[0-9]+$")]
    private static partial Regex IntPattern();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatPattern();
}
