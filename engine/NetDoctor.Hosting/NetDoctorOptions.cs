using NetDoctor.Packs.Expressions.Functions;

namespace NetDoctor.Hosting;

/// <summary>What a NetDoctor composition is made of, beyond what every one has (the Facts catalog, the bundle reader).</summary>
public sealed record NetDoctorOptions
{
    /// <summary>
    /// The folder of built-in packs (rulepacks/: the CLI's copy beside the program, or the repository's in tests); null
    /// or a missing folder means none, e.g. a host that runs only the packs it is given.
    /// </summary>
    public string? BuiltInPacks { get; init; }

    /// <summary>
    /// Pack folders whose C# half is compiled into the program and so loads without --trust-csharp; null: just
    /// <see cref="BuiltInPacks"/>. The CLI adds the checkout's rulepacks/ when it runs from one, so `vet rulepacks` vets
    /// the built-in packs as they are in the repository.
    /// </summary>
    public IReadOnlyList<string>? BuiltInCSharpDirectories { get; init; }

    /// <summary>Where built external C# packs are cached; null: the user's cache folder.</summary>
    public string? CSharpCacheDirectory { get; init; }

    /// <summary>
    /// The helper functions rule expressions may call; null: <see cref="HelperFunctions.BuiltIn"/>. The helpers of loaded
    /// C# packs ([RuleHelper] classes) are added to them by the pack loader.
    /// </summary>
    public HelperFunctions? Functions { get; init; }
}
