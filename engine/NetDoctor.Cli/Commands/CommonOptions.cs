using System.CommandLine;

namespace NetDoctor.Cli.Commands;

/// <summary>Options several commands share, defined once so their names and help read the same everywhere.</summary>
public static class CommonOptions
{
    public static Option<string[]> Bundle() => new("--bundle")
    {
        Description = "A bundle: directory or .tar.gz (NetDoctor layout, calicoctl cluster/node diags, or loose files). Repeatable: several nodes' bundles form one fact base.",
        AllowMultipleArgumentsPerToken = false,
    };

    public static Option<bool> Live() => new("--live")
    {
        Description = "Collect facts from this machine (read-only commands) instead of, or as well as, a bundle.",
    };

    public static Option<string[]> Packs() => new("--packs")
    {
        Description = "An extra rule pack directory (or a directory of packs). Repeatable. Built-in packs are always loaded.",
    };

    public static Option<bool> TrustCSharp() => new("--trust-csharp")
    {
        Description = "Build and load the C# rules of packs that are not built in (full-trust code, unlike sandboxed YAML rules).",
    };

    public static Option<string> Format(string defaultValue, params string[] allowed)
    {
        var option = new Option<string>("--format")
        {
            Description = $"Output format: {string.Join(", ", allowed)}.",
            DefaultValueFactory = _ => defaultValue,
        };
        option.AcceptOnlyFromAmong(allowed);
        return option;
    }

    /// <summary>
    /// Which runtime executes the rules: our hash-indexed Rete (default, much faster on joins) or NRules.Runtime
    /// (the reference implementation of the same rule model, for cross-checking a surprising result).
    /// </summary>
    public static Option<string> Engine()
    {
        var option = new Option<string>("--engine")
        {
            Description = "Rule runtime: indexed (default, NetDoctor's hash-indexed Rete) or nrules (NRules.Runtime, the reference; slower on large bundles).",
            DefaultValueFactory = _ => "indexed",
        };
        option.AcceptOnlyFromAmong("indexed", "nrules");
        return option;
    }

    public static NetDoctor.Engine.EngineKind ParseEngine(string? value) =>
        string.Equals(value, "nrules", StringComparison.OrdinalIgnoreCase) ? NetDoctor.Engine.EngineKind.NRules : NetDoctor.Engine.EngineKind.Indexed;

    public static Option<string> Output() => new("--output", "-o")
    {
        Description = "Write the report to this file instead of stdout.",
    };

    /// <summary>The fact budget of one read (<c>BundleReadOptions.MaxFacts</c>); unset keeps the default sized from memory.</summary>
    public static Option<long?> MaxFacts() => new("--max-facts")
    {
        Description = "Most facts one run keeps (default: the memory available / 16 KiB, between 250,000 and 1,250,000). Files past it are cut: reported, and the rules that need them are not evaluated there.",
    };

    /// <summary>The byte budget of one read (<c>BundleReadOptions.MaxReadBytes</c>); unset keeps the default sized from memory.</summary>
    public static Option<string> MaxReadBytes() => new("--max-read-bytes")
    {
        Description = "Most file content one run parses, in bytes or with K/M/G (default: a 12th of the memory available, between 64M and 2G). Files past it are cut like --max-facts.",
    };

    public static long? ParseMaxFacts(long? value) =>
        value is null or > 0 ? value : throw new UsageException($"--max-facts {value}: give a number of facts above 0");

    public static long? ParseMaxReadBytes(string? value) =>
        value is null ? null : ByteSize.Parse(value) ?? throw new UsageException($"--max-read-bytes {value}: give a size in bytes, or with K, M or G (e.g. 512M)");
}
