using YamlDotNet.Serialization;

namespace NetDoctor.Lab.Tests.Lab.Cluster;

/// <summary>Serialises object trees (dictionaries/lists) as kubectl prints them: a `kind: List` with items.</summary>
public static class Yaml
{
    private static readonly ISerializer Serializer = new SerializerBuilder().Build();

    public static Dictionary<string, object?> Map(params (string Key, object? Value)[] entries)
    {
        var map = new Dictionary<string, object?>();
        foreach (var (key, value) in entries) if (value is not null) map[key] = value;
        return map;
    }

    public static string KubectlList(IEnumerable<object> items) =>
        Serializer.Serialize(Map(("apiVersion", "v1"), ("items", items.ToList()), ("kind", "List"), ("metadata", Map(("resourceVersion", "")))));

    public static string Document(object value) => Serializer.Serialize(value);
}
