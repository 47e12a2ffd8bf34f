using System.Buffers;
using System.Text.Json;
using NetDoctor.Collectors.Parsing;
using YamlDotNet.RepresentationModel;

namespace NetDoctor.Collectors.Parsers.Kubectl;

/// <summary>
/// A YAML tree written as JSON, scalars typed by <see cref="YamlScalars"/>; keys keep their order (a repeated key never
/// gets here: <see cref="YamlLoader"/> keeps its first value and reports the repeat). It is written straight to UTF-8
/// for the client's System.Text.Json contract: building a JsonNode tree first, which the serializer writes out again
/// anyway, was about a third of reading a 3,000-pod list.
/// </summary>
public static class YamlToJson
{
    /// <summary>The JSON of <paramref name="node"/> as UTF-8 bytes.</summary>
    /// <param name="capitalisedBooleansAsText">
    /// Plain True/False/TRUE/FALSE stay strings: Kubernetes writes its condition statuses so ("status: True" where the
    /// API has a string), while booleans of the API are written in lower case.
    /// </param>
    public static ReadOnlyMemory<byte> Utf8(YamlNode node, bool capitalisedBooleansAsText = false)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true }))
        {
            Write(writer, node, capitalisedBooleansAsText);
        }
        return buffer.WrittenMemory;
    }

    private static void Write(Utf8JsonWriter writer, YamlNode node, bool capitalisedBooleansAsText)
    {
        switch (node)
        {
            case YamlMappingNode map:
                writer.WriteStartObject();
                foreach (var (key, value) in map.Children)
                {
                    writer.WritePropertyName(key is YamlScalarNode { Value: { } name } ? name : key.ToString());
                    Write(writer, value, capitalisedBooleansAsText);
                }
                writer.WriteEndObject();
                return;
            case YamlSequenceNode seq:
                writer.WriteStartArray();
                foreach (var item in seq.Children) Write(writer, item, capitalisedBooleansAsText);
                writer.WriteEndArray();
                return;
            case YamlScalarNode scalar:
                switch (YamlScalars.Typed(scalar))
                {
                    case null: writer.WriteNullValue(); return;
                    case bool when capitalisedBooleansAsText && scalar.Value is "True" or "False" or "TRUE" or "FALSE": writer.WriteStringValue(scalar.Value); return;
                    case bool b: writer.WriteBooleanValue(b); return;
                    case long l: writer.WriteNumberValue(l); return;
                    case double d when double.IsFinite(d): writer.WriteNumberValue(d); return;
                    // 1e999: no JSON number can hold it; the client reads the text where it expects a string.
                    case double: writer.WriteStringValue(scalar.Value); return;
                    case var other: writer.WriteStringValue((string)other); return;
                }
            default:
                // An alias or anything else YAML can hold and JSON cannot: what a JsonNode tree made of it.
                writer.WriteNullValue();
                return;
        }
    }
}
