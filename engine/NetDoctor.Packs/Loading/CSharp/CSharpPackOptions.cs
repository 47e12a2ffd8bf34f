using System.Reflection;
using NetDoctor.Engine.Composition;
using NRules.RuleModel;

namespace NetDoctor.Packs.Loading.CSharp;

/// <summary>
/// How the loader treats the C# project a pack.yaml names (`csharp: { project: ... }`). C# rules are full-trust code,
/// unlike sandboxed YAML: a pack whose C# is compiled into the product (a built-in pack) is loaded from the program's
/// own assemblies; any other is built with `dotnet build` (cached) and loaded only when <see cref="Trusted"/>.
/// </summary>
/// <param name="Trusted">The user said --trust-csharp: C# of packs that are not built in may be built and loaded.</param>
/// <param name="BuiltInDirectories">Folders of the packs shipped with the program (their C# is one of its assemblies).</param>
/// <param name="Rules">Makes the rule definitions of a pack's assembly (the CLI constructs rule classes through DI).</param>
/// <param name="CacheDirectory">Where built packs are kept; default: <see cref="CSharpPackCache.DefaultDirectory"/>.</param>
public sealed record CSharpPackOptions(
    bool Trusted,
    IReadOnlyList<string> BuiltInDirectories,
    Func<Assembly, IReadOnlyList<IRuleDefinition>>? Rules = null,
    string? CacheDirectory = null)
{
    /// <summary>Rules of an assembly without DI: rule classes need a parameterless constructor.</summary>
    public static IReadOnlyList<IRuleDefinition> RulesWithoutServices(Assembly assembly) =>
        new EngineBuilder().AddRulesFrom(assembly).Resolve(EmptyServices.Instance).OrderBy(r => r.Name, StringComparer.Ordinal).ToList();

    private sealed class EmptyServices : IServiceProvider
    {
        public static readonly EmptyServices Instance = new();

        public object? GetService(Type serviceType) => null;
    }
}
