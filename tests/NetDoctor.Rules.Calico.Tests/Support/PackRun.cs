using NetDoctor.Engine;
using NetDoctor.Hosting;
using NetDoctor.Packs.Diagnoses;
using NetDoctor.Packs.Loading;
using NetDoctor.Packs.Types;

namespace NetDoctor.Rules.Calico.Tests.Support;

/// <summary>
/// The built-in packs (YAML) plus the calico C# rules in one engine, composed by the same call as `netdoctor run`
/// (<see cref="NetDoctorHost"/> over the repository's rulepacks/), run over facts or bundles.
/// </summary>
public sealed class PackRun
{
    /// <summary>NetDoctor as the CLI composes it, with the repository's packs as the built-in ones.</summary>
    public static NetDoctorHost Host { get; } = NetDoctorHost.Create(new NetDoctorOptions { BuiltInPacks = RepoPaths.RulePacks });

    private static readonly Lazy<PackRun> BuiltIn = new(() => new PackRun(Host.LoadPacks()));

    /// <summary>The fact types rules may name: the Facts assembly's plus the C# pack's derived types.</summary>
    public static FactTypeCatalog Catalog => Host.Packs.Catalog;

    /// <summary>One pack folder plus the C# rules, the way `netdoctor vet` loads it.</summary>
    public static LoadedPacks LoadWithCSharpRules(string directory) => Host.Packs.LoadOnly([directory]);

    private readonly ISessionFactory _factory;

    /// <param name="packs">Packs loaded through <see cref="Host"/>: they hold the C# rules already.</param>
    public PackRun(LoadedPacks packs)
    {
        Packs = packs;
        _factory = new RuleCompiler().Compile(packs.RuleDefinitions);
    }

    public static PackRun Default => BuiltIn.Value;

    public LoadedPacks Packs { get; }

    public static string Pack(string name) => RepoPaths.Pack(name);

    public RunResult Run(IEnumerable<object> facts)
    {
        var session = _factory.CreateSession();
        session.InsertAll(facts);
        session.Fire();
        return new RunResult(session, session.Query<Diagnosis>().ToList());
    }

    public RunResult RunBundle(params string[] bundles) => Run(BundleFacts.Read(bundles));
}

public sealed record RunResult(ISession Session, IReadOnlyList<Diagnosis> Diagnoses)
{
    public IReadOnlyList<Diagnosis> Of(string ruleId) => Diagnoses.Where(d => d.RuleId == ruleId).ToList();

    public IEnumerable<T> Derived<T>() => Session.Query<T>();
}
