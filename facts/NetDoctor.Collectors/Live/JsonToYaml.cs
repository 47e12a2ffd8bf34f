using System.Text.Json;
using YamlDotNet.Serialization;

namespace NetDoctor.Collectors.Live;

/// <summary>
/// Custom objects come back from the API as JSON; this writes them as the YAML `kubectl get -o yaml` would,
/// quoting strings that would otherwise read back as numbers or booleans.
/// </summary>
internal static class JsonToYaml
{
    private static readonly ISerializer Serializer = new SerializerBuilder().WithQuotingNecessaryStrings().Build();

    public static string Convert(JsonElement element) => Serializer.Serialize(ToPlain(element));

    public static object? ToPlain(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => e.EnumerateObject().ToDictionary(p => p.Name, p => ToPlain(p.Value)),
        JsonValueKind.Array => e.EnumerateArray().Select(ToPlain).ToList(),
        JsonValueKind.String => e.GetString(),
        JsonValueKind.Number => e.TryGetInt64(out var l) ? l : e.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };
}
