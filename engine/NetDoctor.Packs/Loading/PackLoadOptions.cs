using NetDoctor.Packs.Expressions.Functions;
using NetDoctor.Packs.Loading.CSharp;
using NetDoctor.Packs.Types;

namespace NetDoctor.Packs.Loading;

/// <param name="Catalog">Fact types rules may name; default: the Facts assembly's.</param>
/// <param name="ValidateSchema">
/// Validate every document against rulepacks/schema (exact messages for structural mistakes). Turning it off saves
/// the JSON Schema library's one-time start-up (about 2 s) for packs already vetted in CI, such as the built-in
/// ones. Without it a document of the wrong kind or missing required parts is still rejected (with a shorter message),
/// but misspelt optional keys are ignored. Expressions, types and templates are checked either way.
/// </param>
/// <param name="LoadTests">Read tests/*.yaml (needed by vet and the test runner, not by `run`).</param>
/// <param name="CSharp">
/// How the C# project a pack.yaml names is loaded (built in, or built and loaded when trusted; see
/// <see cref="CSharpPackOptions"/>). Null: not at all — for hosts that compose C# rules themselves (with
/// <see cref="LoadedPacks.WithExtraRules"/>); the CLI always sets it, so no C# half is ever silently left out there.
/// </param>
/// <param name="Functions">The helper functions expressions may call; default: <see cref="HelperFunctions.BuiltIn"/>; the helpers of loaded C# packs are added to them.</param>
/// <param name="SchemaVerdicts">
/// Files whose exact text passed schema validation before (with this build) are not validated again; null: every
/// document is validated. Commands that run packs set it (<see cref="Schema.SchemaVerdicts.Default"/>); `vet` does not.
/// </param>
public sealed record PackLoadOptions(
    FactTypeCatalog? Catalog = null, bool ValidateSchema = true, bool LoadTests = true, CSharpPackOptions? CSharp = null, HelperFunctions? Functions = null,
    Schema.SchemaVerdicts? SchemaVerdicts = null)
{
    /// <summary>
    /// Threads that compile rules at once (parsing their expressions is most of loading); 1 compiles them one after
    /// another. Rules and problems come out in the same order either way. Default: one per processor.
    /// </summary>
    public int MaxParallelism { get; init; } = Environment.ProcessorCount;
}
