using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace NetDoctor.Cli.Reporting;

/// <summary>Machine output: camelCase JSON, indented, nulls kept (the contract lists "node": null for cluster-scoped findings).</summary>
public static class JsonReporter
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static string Render<T>(T report) => JsonSerializer.Serialize(report, Options);
}
