namespace NetDoctor.Packs.Compilation;

/// <summary>Type names as a pack author writes them ("string", "int?", "list of Route"), for messages.</summary>
internal static class TypeNames
{
    public static string Of(Type type)
    {
        if (Nullable.GetUnderlyingType(type) is { } inner) return Of(inner) + "?";
        if (type == typeof(string)) return "string";
        if (type == typeof(int)) return "int";
        if (type == typeof(long)) return "long";
        if (type == typeof(bool)) return "bool";
        if (type == typeof(double)) return "double";
        if (type == typeof(object)) return "object";
        if (type.IsGenericType)
        {
            var args = type.GetGenericArguments();
            string def = type.Name[..type.Name.IndexOf('`')];
            if (args.Length == 1 && typeof(System.Collections.IEnumerable).IsAssignableFrom(type)) return $"list of {Of(args[0])}";
            return $"{def}<{string.Join(", ", args.Select(Of))}>";
        }
        return type.Name;
    }
}
