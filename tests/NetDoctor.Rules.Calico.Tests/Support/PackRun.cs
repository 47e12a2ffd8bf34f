using NetDoctor.Engine;
using NetDoctor.Hosting;
using NetDoctor.Packs.Diagnoses;
using NetDoctor.Packs.Loading;

namespace NetDoctor.Rules.Calico.Tests.Support;

/// <summary>
/// The built-in packs (YAML) plus the calico C# rules in one engine, composed by the same call as `netdoctor run`
/// (<see cref="NetDoctorHost"/> over the repository's rulepacks/), run over facts or bundles.
/// </summary>
public sealed class PackRun
{
    /// <summary>
    /// NetDoctor as the CLI composes it, with the repository's packs as the built-in ones: the calico pack's pack.yaml names
    /// its C# project, and because rulepacks/ is the built-in folder the loader takes the compiled NetDoctor.Rules.Calico
    /// (its rules, derived types and the Calico helper).
    /// </summary>
    public static NetDoctorHost Host { get; } = NetDoctorHost.Create(new NetDoctorOptions { BuiltInPacks = RepoPaths.RulePacks });

    private static readonly Lazy<PackRun> BuiltIn = new(() => new PackRun(Host.LoadPacks()));

    /// <summary>One pack folder with the base pack it requires (C# half included), the way `netdoctor vet` loads it.</summary>
    public static LoadedPacks LoadWithCSharpRules(string directory) => Host.Packs.LoadOnly(WithBase(directory));

    /// <summary>The pack folder and, unless it is the base pack itself, rulepacks/cluster (which every built-in pack requires).</summary>
    public static IReadOnlyList<string> WithBase(string directory) =>
        Path.GetFileName(directory) == "cluster" ? [directory] : [Pack("cluster"), directory];

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
