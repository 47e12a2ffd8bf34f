using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using NetDoctor.Facts;

namespace NetDoctor.Cli.Reporting;

/// <summary>
/// Turns any fact into the `facts --format json` shape (CONTRACTS.md §4b): type, node, source and the remaining public fields.
/// Addresses and CIDRs are written as the strings an operator types; enums by name. Field names follow the one naming
/// rule (FieldNaming): the camelCase of the C# name an expression uses. A field without a value is written as null rather
/// than left out, so an author sees every field a rule can name (`netdoctor types TYPE` lists them with their types).
/// </summary>
public static class FactJson
{
    private static readonly HashSet<string> Envelope = new(StringComparer.OrdinalIgnoreCase) { "source", "node", "summary" };

    public static readonly JsonSerializerOptions Options = CreateOptions();

    public static JsonObject ToJson(Fact fact)
    {
        var fields = JsonSerializer.SerializeToNode(fact, fact.GetType(), Options) as JsonObject ?? [];
        foreach (var key in fields.Select(p => p.Key).Where(Envelope.Contains).ToList()) fields.Remove(key);
        return new JsonObject
        {
            ["type"] = fact.GetType().Name,
            ["node"] = fact.Node,
            ["source"] = fact.Source.ToString(),
            ["summary"] = fact.Summary,
            ["fields"] = fields,
        };
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = false,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            ReferenceHandler = ReferenceHandler.IgnoreCycles,
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.Converters.Add(new ToStringConverter<Cidr>());
        options.Converters.Add(new ToStringConverter<IPAddress>());
        options.Converters.Add(new ToStringConverter<IPNetwork>());
        options.Converters.Add(new ToStringConverter<Source>());
        return options;
    }

    /// <summary>Write-only: facts are never read back from this JSON (bundles are the input format).</summary>
    private sealed class ToStringConverter<T> : JsonConverter<T>
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException($"{typeof(T).Name} is written as text only");

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value?.ToString());
    }
}
