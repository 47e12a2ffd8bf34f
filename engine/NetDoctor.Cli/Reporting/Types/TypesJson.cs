using System.Text.Json.Nodes;
using NetDoctor.Packs.Expressions.Functions;
using NetDoctor.Packs.Types.Reference;

namespace NetDoctor.Cli.Reporting.Types;

/// <summary>`types --format json` (CONTRACTS.md §4c): every key is always present, null when there is no value.</summary>
public static class TypesJson
{
    public static string Types(IEnumerable<FactTypeEntry> entries) =>
        new JsonObject { ["types"] = new JsonArray([.. entries.Select(Type)]) }.ToJsonString(JsonReporter.Options);

    public static string Functions(IEnumerable<HelperFunction> functions) =>
        new JsonObject { ["functions"] = new JsonArray([.. functions.Select(Function)]) }.ToJsonString(JsonReporter.Options);

    private static JsonNode Type(FactTypeEntry entry) => new JsonObject
    {
        ["name"] = entry.Name,
        ["kind"] = entry.Kind,
        ["description"] = entry.Description,
        ["declaredBy"] = new JsonObject
        {
            ["pack"] = entry.DeclaredBy.Pack,
            ["assembly"] = entry.DeclaredBy.Assembly,
            ["source"] = entry.DeclaredBy.Source,
        },
        ["fields"] = new JsonArray([.. entry.Fields.Select(f => (JsonNode)new JsonObject
        {
            ["name"] = f.Name,
            ["type"] = f.Type,
            ["jsonName"] = f.JsonName,
            ["settable"] = f.Settable,
            ["nullable"] = f.Nullable,
            ["description"] = f.Description,
        })]),
    };

    private static JsonNode Function(HelperFunction function) => new JsonObject
    {
        ["name"] = function.Name,
        ["arguments"] = new JsonArray([.. function.Arguments.Select(a => (JsonNode)new JsonObject
        {
            ["name"] = a.Name,
            ["type"] = a.Type,
            ["variadic"] = a.Variadic,
        })]),
        ["result"] = function.Result,
        ["category"] = function.Category,
        ["description"] = function.Description,
        ["pack"] = function.Pack,
    };
}
