using System.Collections.Concurrent;
using NetDoctor.Packs.Loading;
using NetDoctor.Packs.Model;
using NJsonSchema;
using NJsonSchema.Validation;
using YamlDotNet.RepresentationModel;

namespace NetDoctor.Packs.Schema;

/// <summary>
/// Validates a pack document against its JSON Schema (rulepacks/schema/*.schema.json, embedded in this assembly)
/// with NJsonSchema, and reports violations at the YAML position they come from, in words a pack author understands.
/// </summary>
public static class SchemaValidator
{
    private static readonly ConcurrentDictionary<DocumentKind, JsonSchema> Schemas = new();

    /// <summary>The schema text shipped for a kind (also what `rulepacks/schema/` holds).</summary>
    public static string SchemaText(DocumentKind kind)
    {
        string name = "schema/" + DocumentKinds.SchemaFile(kind);
        using var stream = typeof(SchemaValidator).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"schema resource {name} is missing from the build");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>
    /// Loads the schemas on a worker thread. The JSON Schema library's first use costs about 2 s; a host that will
    /// validate packs can start this early and overlap it with other start-up work.
    /// </summary>
    public static Task WarmUp() => Task.Run(() =>
    {
        foreach (var kind in Enum.GetValues<DocumentKind>()) Get(kind);
    });

    private static JsonSchema Get(DocumentKind kind) =>
        Schemas.GetOrAdd(kind, k => JsonSchema.FromJsonAsync(SchemaText(k)).GetAwaiter().GetResult());

    /// <summary>Validates one document; returns false (with diagnostics) when it does not conform.</summary>
    public static bool Validate(PackFile file, YamlNode root, DocumentKind kind, List<PackDiagnostic> diagnostics)
    {
        var schema = Get(kind);
        var (json, map) = YamlJson.Convert(file, root);
        var errors = schema.Validate(json);
        int before = diagnostics.Count;
        foreach (var error in Flatten(errors))
            diagnostics.Add(Translate(error, map));
        return diagnostics.Count == before;
    }

    /// <summary>
    /// Leaf errors only; a failed oneOf/anyOf is one error (our schemas use oneOf only to say "exactly one of these keys").
    /// </summary>
    private static IEnumerable<ValidationError> Flatten(IEnumerable<ValidationError> errors)
    {
        foreach (var error in errors.OrderBy(e => e.LineNumber).ThenBy(e => e.LinePosition))
        {
            if (error.Kind is ValidationErrorKind.NotOneOf or ValidationErrorKind.NotAnyOf)
            {
                yield return error;
                continue;
            }
            if (error is ChildSchemaValidationError child)
            {
                foreach (var inner in Flatten(child.Errors.SelectMany(e => e.Value)))
                    yield return inner;
                continue;
            }
            yield return error;
        }
    }

    private static PackDiagnostic Translate(ValidationError error, YamlJson map)
    {
        string path = error.Path ?? "#";
        var mark = map.MarkOf(path);
        string where = Friendly(path);
        string field = error.Property ?? where;
        string value = map.TokenAt(path)?.ToString() ?? "";
        string code = DiagnosticCodes.Schema;
        string message = error.Kind switch
        {
            ValidationErrorKind.NoAdditionalPropertiesAllowed =>
                $"unknown field '{field}'{In(Parent(where))}" + DidYouMean.Hint(field, error.Schema?.ActualProperties.Keys ?? Enumerable.Empty<string>()),
            ValidationErrorKind.PropertyRequired => $"missing required field '{field}'{In(Parent(where))}",
            ValidationErrorKind.NotInEnumeration =>
                $"'{value}' is not a valid {field}: expected {string.Join(", ", error.Schema?.Enumeration.Select(e => e?.ToString()) ?? [])}",
            ValidationErrorKind.PatternMismatch => PatternMessage(field, value, error.Schema?.Pattern, ref code),
            ValidationErrorKind.StringExpected => $"'{where}' must be a string",
            ValidationErrorKind.IntegerExpected => $"'{where}' must be an integer",
            ValidationErrorKind.NumberExpected => $"'{where}' must be a number",
            ValidationErrorKind.BooleanExpected => $"'{where}' must be true or false",
            ValidationErrorKind.ArrayExpected => $"'{where}' must be a list",
            ValidationErrorKind.ObjectExpected => $"'{where}' must be a mapping",
            ValidationErrorKind.TooFewItems => $"'{where}' must not be empty",
            ValidationErrorKind.TooFewProperties => $"'{where}' must not be empty",
            ValidationErrorKind.StringTooShort => $"'{where}' must not be empty",
            ValidationErrorKind.NumberTooSmall => $"'{where}' is too small",
            ValidationErrorKind.NotOneOf or ValidationErrorKind.NotAnyOf => OneOfMessage(error, where, map.TokenAt(path)),
            _ => $"'{where}' is invalid ({error.Kind})",
        };
        return new PackDiagnostic(DiagnosticSeverity.Error, code, mark, message);
    }

    private static string PatternMessage(string field, string value, string? pattern, ref string code)
    {
        switch (field)
        {
            case "id":
                code = DiagnosticCodes.IdFormat;
                return $"rule id '{value}' must be 'pack/kebab-name' (lowercase letters, digits and dashes, e.g. calico/bgp-session-down)";
            case "rule":
                return $"'{value}' is not a rule id ('pack/kebab-name')";
            case "name" when pattern?.StartsWith("^[a-z0-9]", StringComparison.Ordinal) == true:
                return $"pack name '{value}' must be kebab-case (lowercase letters, digits and dashes)";
            case "name":
                return $"derived fact type name '{value}' must be PascalCase (e.g. SnatExemptDestination)";
            case "version":
                return $"version '{value}' must be semantic (e.g. 1.0.0)";
            case "as" or "fact" or "type":
                return $"'{value}' is not a valid {(field == "as" ? "binding name" : "type name")} (letters, digits and '_', not starting with a digit)";
            default:
                return $"'{value}' is not a valid {field} (must match {pattern})";
        }
    }

    /// <summary>Our schemas use oneOf only as "exactly one of these keys"; say which keys, and which ones clash.</summary>
    private static string OneOfMessage(ValidationError error, string where, Newtonsoft.Json.Linq.JToken? token)
    {
        var keys = (error.Schema?.OneOf ?? []).Concat(error.Schema?.AnyOf ?? [])
            .SelectMany(branch => branch.RequiredProperties).Distinct().ToList();
        if (keys.Count == 0) return $"'{where}' does not match exactly one allowed form";
        var present = token is Newtonsoft.Json.Linq.JObject obj ? keys.Where(k => obj.ContainsKey(k)).ToList() : [];
        string expected = string.Join(", ", keys);
        return present.Count > 1
            ? $"'{where}' has both {string.Join(" and ", present.Select(p => $"'{p}'"))}; it must have exactly one of: {expected}"
            : $"'{where}' must have exactly one of: {expected}";
    }

    private static string In(string parent) => parent.Length == 0 ? "" : $" in '{parent}'";

    /// <summary>"#/when[1].bogus" -> "when[1].bogus".</summary>
    private static string Friendly(string path) => path.StartsWith("#/", StringComparison.Ordinal) ? path[2..] : path.TrimStart('#');

    private static string Parent(string friendly)
    {
        int cut = Math.Max(friendly.LastIndexOf('.'), friendly.LastIndexOf('['));
        return cut <= 0 ? "" : friendly[..cut];
    }
}
