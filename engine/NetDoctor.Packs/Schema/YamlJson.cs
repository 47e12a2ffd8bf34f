using NetDoctor.Facts;
using NetDoctor.Packs.Loading;
using NetDoctor.Packs.Model;
using Newtonsoft.Json.Linq;
using YamlDotNet.RepresentationModel;

namespace NetDoctor.Packs.Schema;

/// <summary>
/// Converts a YAML document to JSON for schema validation, remembering for every JSON path (in the validator's
/// "#/a[0].b" notation) the YAML position it came from, so schema errors point at file:line:column.
/// Scalars are typed by <see cref="YamlScalarTyping"/> (plain 80 is a number, quoted "80" a string), as kubectl objects are.
/// </summary>
internal sealed class YamlJson
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

    private static JToken Scalar(YamlScalarNode scalar) => YamlScalarTyping.Typed(scalar.Value ?? "", scalar.Style is YamlDotNet.Core.ScalarStyle.Plain or YamlDotNet.Core.ScalarStyle.Any,
        scalar.Tag.IsEmpty || scalar.Tag.IsNonSpecific ? null : scalar.Tag.Value) switch
    {
        null => JValue.CreateNull(),
        bool b => new JValue(b),
        long l => new JValue(l),
        double d => new JValue(d),
        var other => new JValue((string)other),
    };

    private static string Child(string path, string name) => path == "#" ? "#/" + name : path + "." + name;

    private static string Parent(string path)
    {
        if (path == "#") return "";
        int cut = Math.Max(path.LastIndexOf('.'), Math.Max(path.LastIndexOf('['), path.LastIndexOf('/')));
        if (cut <= 0) return "#";
        return path[cut] == '/' ? "#" : path[..cut];
    }
}
