using System.Linq.Dynamic.Core.CustomTypeProviders;
using System.Reflection;

namespace NetDoctor.Packs.Expressions;

/// <summary>
/// The only types a rule expression can name: fact types of the catalog, the Facts assembly's value types and enums
/// (Cidr, RouteType...), IPAddress, and the helper classes. Anything else ("System.IO.File", "Type", "Activator")
/// does not resolve, so it fails at load time.
/// </summary>
internal sealed class SandboxTypeProvider(IReadOnlyCollection<Type> types) : IDynamicLinqCustomTypeProvider
{
    private readonly HashSet<Type> _types = [.. types];
    private readonly Dictionary<string, Type> _byName = types
        .GroupBy(t => t.Name, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    public HashSet<Type> GetCustomTypes() => _types;

    public Dictionary<Type, List<MethodInfo>> GetExtensionMethods() => [];

    public Type? ResolveType(string typeName) => _byName.GetValueOrDefault(typeName);

    public Type? ResolveTypeBySimpleName(string simpleTypeName) => _byName.GetValueOrDefault(simpleTypeName);
}
