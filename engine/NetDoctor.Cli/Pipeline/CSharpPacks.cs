using System.Reflection;
using NetDoctor.Engine;
using NetDoctor.Engine.Composition;
using NetDoctor.Packs.Loading.CSharp;
using NRules.RuleModel;

namespace NetDoctor.Cli.Pipeline;

/// <summary>
/// How the CLI loads the C# half of a pack (pack.yaml `csharp:`), built in or external: rule classes are constructed
/// through DI (so they may take services) and run in the same session as the YAML rules. Which packs have C# is read
/// from their pack.yaml: there is no list of assemblies here. The built-in packs' C# is compiled into the program
/// (trusted, no SDK needed); any other pack's needs --trust-csharp.
/// </summary>
public sealed class CSharpPacks(IServiceProvider services)
{
    /// <summary>
    /// The pack folders whose C# is part of the program: the shipped rulepacks/, and the checkout's rulepacks/ when the
    /// program runs from one (so `vet rulepacks` vets the built-in packs as they are in the repository).
    /// </summary>
    public static IReadOnlyList<string> BuiltInDirectories =>
        [Shipped.Packs, .. Shipped.SourceTree is { } tree ? [Path.Combine(tree, "rulepacks")] : Array.Empty<string>()];

    public CSharpPackOptions Options(bool trusted) => new(trusted, BuiltInDirectories, RulesOf);

    private IReadOnlyList<IRuleDefinition> RulesOf(Assembly assembly) =>
        new EngineBuilder().AddRulesFrom(assembly).Resolve(services).OrderBy(r => r.Id(), StringComparer.Ordinal).ToList();
}
