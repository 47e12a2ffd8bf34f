using System.Text;
using System.Text.Json;
using NetDoctor.Collectors.Parsing;

namespace NetDoctor.Collectors.Parsers.Ip;

/// <summary>
/// Walks the top-level array of `ip -j ...` output and hands each object to a callback with the line it starts
/// on (ip -j prints everything on line 1; ip -j -p pretty-prints one field per line). Invalid JSON becomes a
/// problem at the line where it broke; the objects before it are kept.
/// </summary>
internal static class JsonArrayReader
{
    public delegate void ElementAction(JsonElement element, int line);

    public static void Read(ParseInput input, ParseResult result, ElementAction action)
    {
        if (string.IsNullOrWhiteSpace(input.Text)) return;
        byte[] bytes = Encoding.UTF8.GetBytes(input.Text);
        var lineStarts = LineStarts(bytes);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        try
        {
            if (!reader.Read()) return;
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                result.Problem(input.At(LineOf(lineStarts, reader.TokenStartIndex)), "expected a JSON array (ip -j output)");
                return;
            }
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                int line = LineOf(lineStarts, reader.TokenStartIndex);
                using var doc = JsonDocument.ParseValue(ref reader);
                if (doc.RootElement.ValueKind != JsonValueKind.Object)
                {
                    result.Problem(input.At(line), $"expected an object, found {doc.RootElement.ValueKind}");
                    continue;
                }
                action(doc.RootElement, line);
            }
        }
        catch (JsonException ex)
        {
            int line = (int)(ex.LineNumber ?? 0) + 1;
            result.Problem(input.At(line), $"invalid JSON: {Snippet.Of(ex.Message)}");
        }
    }

    private static List<long> LineStarts(byte[] bytes)
    {
        var starts = new List<long> { 0 };
        for (int i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n' || (bytes[i] == (byte)'\r' && (i + 1 >= bytes.Length || bytes[i + 1] != (byte)'\n')))
                starts.Add(i + 1);
        }

        return starts;
    }

    private static int LineOf(List<long> starts, long offset)
    {
        int idx = starts.BinarySearch(offset);
        return (idx >= 0 ? idx : ~idx - 1) + 1;
    }
}

/// <summary>Typed reads of optional JSON properties that tolerate a wrong kind instead of throwing.</summary>
internal static class Json
{
    public static string? Str(this JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    public static int? Int(this JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i) ? i : null;

    public static bool Has(this JsonElement e, string name) => e.TryGetProperty(name, out _);

    public static bool True(this JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;

    public static IReadOnlyList<string> Strings(this JsonElement e, string name)
    {
        if (!e.TryGetProperty(name, out var v) || v.ValueKind != JsonValueKind.Array) return [];
        var list = new List<string>();
        foreach (var item in v.EnumerateArray())
            if (item.ValueKind == JsonValueKind.String) list.Add(item.GetString()!);
        return list;
    }
}
