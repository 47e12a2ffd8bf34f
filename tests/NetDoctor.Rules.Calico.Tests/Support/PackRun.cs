using NetDoctor.Engine;
using NetDoctor.Packs.Diagnoses;
using NetDoctor.Packs.Loading;

namespace NetDoctor.Rules.Calico.Tests.Support;

/// <summary>
/// Loads the built-in packs (YAML) plus the calico C# rules into one engine, the way `netdoctor run` composes them,
/// and runs them over facts or bundles.
/// </summary>
public sealed class PackRun
{
    private static readonly Lazy<PackRun> BuiltIn = new(() => new PackRun(PackLoader.LoadAll([Pack("calico"), Pack("kube-proxy"), Pack("node")])));

    private readonly ISessionFactory _factory;

    public PackRun(LoadedPacks packs)
    {
        Packs = packs;
        _factory = new RuleCompiler().Compile(packs.RuleDefinitions.Concat(CalicoCSharpPack.Rules()));
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
