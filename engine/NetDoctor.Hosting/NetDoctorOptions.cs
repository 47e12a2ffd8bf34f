using NetDoctor.Packs.Expressions.Functions;

namespace NetDoctor.Hosting;

/// <summary>What a NetDoctor composition is made of, beyond what every one has (the Facts catalog, the C# packs, the bundle reader).</summary>
public sealed record NetDoctorOptions
{
    /// <summary>
    /// The folder of built-in packs (rulepacks/: the CLI's copy beside the program, or the repository's in tests); null
    /// or a missing folder means none, e.g. a host that runs only the packs it is given.
    /// </summary>
    public string? BuiltInPacks { get; init; }

    /// <summary>
    /// The helper functions rule expressions may call; null: <see cref="HelperFunctions.BuiltIn"/>. A pack's own functions
    /// are added with <c>HelperFunctions.BuiltIn.With([...])</c>.
    /// </summary>
    public HelperFunctions? Functions { get; init; }
}
