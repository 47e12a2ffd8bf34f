using NetDoctor.Engine;
using NetDoctor.Packs.Diagnoses;
using NetDoctor.Packs.Loading;
using NetDoctor.Packs.Loading.CSharp;

namespace NetDoctor.Rules.Calico.Tests.Support;

/// <summary>
/// Loads the built-in packs (YAML) plus the calico C# rules into one engine, the way `netdoctor run` composes them,
/// and runs them over facts or bundles.
/// </summary>
public sealed class PackRun
{
    /// <summary>
    /// As the CLI loads packs: the calico pack's pack.yaml names its C# project, and because rulepacks/ is the built-in
    /// folder the loader takes the compiled NetDoctor.Rules.Calico (its rules, derived types and the Calico helper).
    /// </summary>
    public static readonly PackLoadOptions Options = new(CSharp: new CSharpPackOptions(Trusted: false, BuiltInDirectories: [RepoPaths.RulePacks]));

    private static readonly Lazy<PackRun> BuiltIn = new(() => new PackRun(PackLoader.LoadAll([Pack("cluster"), Pack("calico"), Pack("kube-proxy"), Pack("node")], Options)));

    /// <summary>One pack folder with the base pack it requires (C# half included), the way `netdoctor vet` loads it.</summary>
    public static LoadedPacks LoadWithCSharpRules(string directory) =>
        PackLoader.LoadAll(WithBase(directory), Options);

    /// <summary>The pack folder and, unless it is the base pack itself, rulepacks/cluster (which every built-in pack requires).</summary>
    public static IReadOnlyList<string> WithBase(string directory) =>
        Path.GetFileName(directory) == "cluster" ? [directory] : [Pack("cluster"), directory];

    private readonly ISessionFactory _factory;

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
