using System.Reflection;
using NetDoctor.Engine;
using NetDoctor.Engine.Composition;
using NetDoctor.Packs.Loading.CSharp;
using NRules.RuleModel;

namespace NetDoctor.Hosting;

/// <summary>
/// How a composition loads the C# half of a pack (pack.yaml `csharp:`), built in or external: rule classes are constructed
/// through DI (so they may take services) and run in the same session as the YAML rules. Which packs have C# is read
/// from their pack.yaml: there is no list of assemblies here. The built-in packs' C# is compiled into the program
/// (trusted, no SDK needed); any other pack's needs --trust-csharp.
/// </summary>
public sealed class CSharpPacks(IServiceProvider services, NetDoctorOptions options)
{
    /// <summary>
    /// The pack folders whose C# is part of the program (<see cref="NetDoctorOptions.BuiltInCSharpDirectories"/>, by default
    /// the built-in packs' folder).
    /// </summary>
    public IReadOnlyList<string> BuiltInDirectories =>
        options.BuiltInCSharpDirectories ?? (options.BuiltInPacks is { } builtIn ? [builtIn] : []);

    /// <param name="trusted">--trust-csharp: build and load the C# of packs that are not built in.</param>
    public CSharpPackOptions Options(bool trusted) => new(trusted, BuiltInDirectories, RulesOf, options.CSharpCacheDirectory);

    private IReadOnlyList<IRuleDefinition> RulesOf(Assembly assembly) =>
        new EngineBuilder().AddRulesFrom(assembly).Resolve(services).OrderBy(r => r.Id(), StringComparer.Ordinal).ToList();
}
