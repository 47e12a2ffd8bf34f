using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using NetDoctor.Facts;
using NetDoctor.Packs.Diagnoses;

namespace NetDoctor.Packs.Types;

/// <summary>
/// The fact types a rule may name in `fact:`, by simple name: every public non-abstract <see cref="Fact"/> type of the
/// Facts assembly, <see cref="Diagnosis"/>, and the derived types packs declare. Immutable; <see cref="With(Type[])"/> returns a copy.
/// Rules are written against whatever types exist, so the catalog is discovered, never listed by hand.
/// </summary>
public sealed class FactTypeCatalog
{
    private readonly Dictionary<string, Type> _byName;

    private FactTypeCatalog(Dictionary<string, Type> byName) => _byName = byName;

    /// <summary>Only the pack library's own types (Diagnosis); tests add their own fact types with <see cref="With(Type[])"/>.</summary>
    public static FactTypeCatalog Empty { get; } = new(new(StringComparer.Ordinal) { [nameof(Diagnosis)] = typeof(Diagnosis) });

    /// <summary>The Facts assembly's fact types plus Diagnosis.</summary>
    public static FactTypeCatalog Default { get; } = Empty.With(FactTypesIn(typeof(Fact).Assembly));

    public IEnumerable<string> Names => _byName.Keys;

    public IEnumerable<Type> Types => _byName.Values;

    public static IEnumerable<Type> FactTypesIn(Assembly assembly) =>
        assembly.GetExportedTypes().Where(t => t is { IsAbstract: false, IsClass: true } && typeof(Fact).IsAssignableFrom(t));

    /// <summary>Derived fact types a C# pack defines (public non-abstract DerivedFact subclasses), so YAML rules can match them.</summary>
    public static IEnumerable<Type> DerivedTypesIn(Assembly assembly) =>
        assembly.GetExportedTypes().Where(t => t is { IsAbstract: false, IsClass: true } && typeof(DerivedFact).IsAssignableFrom(t));

    public bool TryResolve(string name, [NotNullWhen(true)] out Type? type) => _byName.TryGetValue(name, out type);

    public bool Contains(Type type) => _byName.TryGetValue(type.Name, out var known) && known == type;

    /// <summary>A copy with more types. A name already bound to a different type is an error (names must be unique).</summary>
    public FactTypeCatalog With(IEnumerable<Type> types)
    {
        var copy = new Dictionary<string, Type>(_byName, StringComparer.Ordinal);
        foreach (var type in types)
        {
            if (copy.TryGetValue(type.Name, out var existing) && existing != type)
                throw new ArgumentException($"fact type name '{type.Name}' is already taken by {existing.FullName}");
            copy[type.Name] = type;
        }
        return new FactTypeCatalog(copy);
    }

    public FactTypeCatalog With(params Type[] types) => With((IEnumerable<Type>)types);
}
