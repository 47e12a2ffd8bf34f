using System.Text.Json.Nodes;
using NetDoctor.Collectors.Parsing;
using YamlDotNet.RepresentationModel;

namespace NetDoctor.Collectors.Parsers.Kubectl;

/// <summary>A YAML tree as a JSON tree, scalars typed by <see cref="YamlScalars"/>; keys keep their order (a repeated key never gets here: <see cref="YamlLoader"/> keeps its first value and reports the repeat).</summary>
public static class YamlToJson
{
    /// <param name="capitalisedBooleansAsText">
    /// Plain True/False/TRUE/FALSE stay strings: Kubernetes writes its condition statuses so ("status: True" where the
    /// API has a string), while booleans of the API are written in lower case.
    /// </param>
    public static JsonNode? Convert(YamlNode node, bool capitalisedBooleansAsText = false)
    {
        switch (node)
        {
            case YamlMappingNode map:
                var obj = new JsonObject();
                foreach (var (key, value) in map.Children)
                    obj[key is YamlScalarNode { Value: { } name } ? name : key.ToString()] = Convert(value, capitalisedBooleansAsText);
                return obj;
            case YamlSequenceNode seq:
                var array = new JsonArray();
                foreach (var item in seq.Children) array.Add(Convert(item, capitalisedBooleansAsText));
                return array;
            case YamlScalarNode scalar:
                return YamlScalars.Typed(scalar) switch
                {
                    null => null,
                    bool when capitalisedBooleansAsText && scalar.Value is "True" or "False" or "TRUE" or "FALSE" => JsonValue.Create(scalar.Value),
                    bool b => JsonValue.Create(b),
                    long l => JsonValue.Create(l),
                    double d => JsonValue.Create(d),
                    var other => JsonValue.Create((string)other),
                };
            default:
                return null;
        }
    }
}
