using NetDoctor.Packs.Expressions.Functions;
using NetDoctor.Packs.Loading;
using NetDoctor.Packs.Loading.CSharp;
using NetDoctor.Packs.Testing;
using NetDoctor.Packs.Types;

namespace NetDoctor.Packs.Vetting;

/// <param name="Catalog">Fact types rules may name; default: the Facts assembly's.</param>
/// <param name="Bundles">Reads fixture bundles of bundle-based tests (the composition passes the Collectors' reader).</param>
/// <param name="Dependencies">Packs loaded alongside (for derived types and rules the vetted packs rely on) but not vetted.</param>
/// <param name="MaxFirings">Firing budget of each test.</param>
/// <param name="ExtraRules">C# rules that run with the packs (a pack's C# project); their tests are YAML RuleTests like any other.</param>
/// <param name="Engine">The runtime the pack tests run on.</param>
/// <param name="Functions">The helper functions expressions may call (null: the built-in table plus the C# packs' helpers).</param>
/// <param name="CSharp">How the C# projects pack.yaml files name are loaded (null: not at all; see <see cref="PackLoadOptions.CSharp"/>).</param>
public sealed record VetOptions(
    FactTypeCatalog? Catalog = null,
    IFactSource? Bundles = null,
    IReadOnlyList<string>? Dependencies = null,
    int MaxFirings = 10_000,
    IReadOnlyList<NRules.RuleModel.IRuleDefinition>? ExtraRules = null,
    NetDoctor.Engine.EngineKind Engine = NetDoctor.Engine.EngineKind.Indexed,
    CSharpPackOptions? CSharp = null,
    HelperFunctions? Functions = null)
{
    /// <summary>`--run PATTERN`: only the tests it matches run, and rule coverage is not checked (most rules lack their tests then).</summary>
    public TestFilter? Run { get; init; }

    /// <summary>`--trace`: each test result carries the trace of its rule's conditions.</summary>
    public bool Trace { get; init; }
}
