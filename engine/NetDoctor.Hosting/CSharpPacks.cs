using System.Reflection;
using NetDoctor.Engine.Composition;
using NetDoctor.Packs.Types;
using NetDoctor.Rules.Calico;
using NRules.RuleModel;

namespace NetDoctor.Hosting;

/// <summary>
/// The built-in packs' C# halves. Their rule classes are constructed through DI (so they may take services) and run in
/// the same session as the YAML rules; their derived fact types join the catalog so YAML rules can match them.
/// </summary>
public sealed class CSharpPacks(IServiceProvider services)
{
    /// <summary>The one table of C# rule assemblies shipped with the program.</summary>
    public static IReadOnlyList<Assembly> Assemblies { get; } = [CalicoCSharpPack.Assembly];

    private readonly Lazy<IReadOnlyList<IRuleDefinition>> _rules = new(() =>
        new EngineBuilder().AddRulesFrom([.. Assemblies]).Resolve(services).ToList());

    public IReadOnlyList<IRuleDefinition> Rules => _rules.Value;

    public static FactTypeCatalog Catalog { get; } = FactTypeCatalog.Default.With(Assemblies.SelectMany(FactTypeCatalog.DerivedTypesIn));
}
