using System.Reflection;

namespace NetDoctor.Packs.Expressions.Functions;

/// <summary>
/// Types as the fact and function reference writes them, in the words pack.yaml uses for field types: string, int, Cidr,
/// IPAddress, T? for a value that may be missing, list&lt;T&gt;, map&lt;K, V&gt;; other types by their simple name.
/// </summary>
public static class TypeDisplay
{
    // NullabilityInfoContext caches into plain dictionaries and is not thread-safe: packs load on several threads at
    // once (parallel tests, `run` reading beside pack loading), so each thread has its own.
    private static readonly ThreadLocal<NullabilityInfoContext> Contexts = new(() => new NullabilityInfoContext());

    private static NullabilityInfoContext Nullability => Contexts.Value!;

    public static string Of(ParameterInfo parameter) => Of(Nullability.Create(parameter));

    public static string Of(PropertyInfo property) => Of(Nullability.Create(property));

    /// <summary>Whether the property may hold null (a nullable value type, or a reference type annotated with '?').</summary>
    public static bool IsNullable(PropertyInfo property) =>
        Nullable.GetUnderlyingType(property.PropertyType) is not null
        || !property.PropertyType.IsValueType && Nullability.Create(property).ReadState != NullabilityState.NotNull;

    /// <summary>A type without nullability information (emitted types): reference types are shown without '?'.</summary>
    public static string Of(Type type) => Name(type, null);

    private static string Of(NullabilityInfo info) => Name(info.Type, info);

    private static string Name(Type type, NullabilityInfo? info)
    {
        if (Nullable.GetUnderlyingType(type) is { } inner) return Name(inner, null) + "?";
        string core = Core(type, info);
        return info is { ReadState: NullabilityState.Nullable } && !type.IsValueType ? core + "?" : core;
    }

    private static string Core(Type type, NullabilityInfo? info)
    {
        if (type == typeof(void)) return "void";
        if (type == typeof(string)) return "string";
        if (type == typeof(bool)) return "bool";
        if (type == typeof(int)) return "int";
        if (type == typeof(long)) return "long";
        if (type == typeof(double)) return "double";
        if (type == typeof(object)) return "object";
        if (type.IsArray)
            return $"list<{Name(type.GetElementType()!, info?.ElementType)}>";
        if (type.IsGenericType)
        {
            var def = type.GetGenericTypeDefinition();
            var args = type.GetGenericArguments();
            string Arg(int i) => Name(args[i], info?.GenericTypeArguments is { Length: > 0 } g && i < g.Length ? g[i] : null);
            if (def == typeof(IReadOnlyDictionary<,>) || def == typeof(IDictionary<,>) || def == typeof(Dictionary<,>))
                return $"map<{Arg(0)}, {Arg(1)}>";
            if (args.Length == 1 && typeof(System.Collections.IEnumerable).IsAssignableFrom(type))
                return $"list<{Arg(0)}>";
            string name = type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)];
            return $"{name}<{string.Join(", ", args.Select((_, i) => Arg(i)))}>";
        }
        return type.Name;
    }
}
