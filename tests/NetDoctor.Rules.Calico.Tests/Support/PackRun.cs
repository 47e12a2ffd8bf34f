using NetDoctor.Engine;
using NetDoctor.Packs.Diagnoses;
using NetDoctor.Packs.Loading;
using NetDoctor.Packs.Types;

namespace NetDoctor.Rules.Calico.Tests.Support;

/// <summary>
/// Loads the built-in packs (YAML) plus the calico C# rules into one engine, the way `netdoctor run` composes them,
/// and runs them over facts or bundles.
/// </summary>
public sealed class PackRun
{
    private static readonly Lazy<PackRun> BuiltIn = new(() => new PackRun(PackLoader.LoadAll([Pack("cluster"), Pack("calico"), Pack("kube-proxy"), Pack("node")], Catalog)));

    /// <summary>The fact types rules may name: the Facts assembly's plus the C# pack's derived types (as the CLI composes it).</summary>
    public static FactTypeCatalog Catalog { get; } = FactTypeCatalog.Default.With(FactTypeCatalog.DerivedTypesIn(CalicoCSharpPack.Assembly));

    /// <summary>One pack folder with the base pack it requires, plus the calico C# rules, the way `netdoctor vet` loads it.</summary>
    public static LoadedPacks LoadWithCSharpRules(string directory) =>
        PackLoader.LoadAll(WithBase(directory), Catalog).WithExtraRules(CalicoCSharpPack.Rules());

    /// <summary>The pack folder and, unless it is the base pack itself, rulepacks/cluster (which every built-in pack requires).</summary>
    public static IReadOnlyList<string> WithBase(string directory) =>
        Path.GetFileName(directory) == "cluster" ? [directory] : [Pack("cluster"), directory];

    private readonly ISessionFactory _factory;

    public PackRun(LoadedPacks packs)
    {
        Packs = packs;
        _factory = new RuleCompiler().Compile(packs.WithExtraRules(CalicoCSharpPack.Rules()).RuleDefinitions);
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
