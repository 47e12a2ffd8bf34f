using NetDoctor.Cli.Commands;
using NetDoctor.Hosting;
using NetDoctor.Packs.Loading;
using NetDoctor.Packs.Model;
using NetDoctor.Packs.Schema;

namespace NetDoctor.Cli.Pipeline;

/// <summary>
/// The rule packs a command runs: the built-in ones shipped beside the program (rulepacks/) plus every --packs DIR.
/// An invalid pack is a usage error for `run` (the user asked for it); `vet` reports it instead.
/// </summary>
public sealed class PackSet(NetDoctorPacks packs)
{
    /// <summary>Where the built-in packs are: beside the program (see <see cref="Shipped"/>).</summary>
    public static string BuiltInDirectory => Shipped.Packs;

    /// <summary>
    /// Loads the built-in packs plus <paramref name="extraDirectories"/>; an invalid pack is a usage error, and so is a
    /// pack with C# rules that is not built in unless <paramref name="trustCSharp"/> (--trust-csharp).
    /// <paramref name="withTests"/> false leaves the packs' tests/ unread: running rules does not need them.
    /// </summary>
    public LoadedPacks Load(IReadOnlyList<string> extraDirectories, bool trustCSharp = false, bool withTests = true)
    {
        foreach (var dir in extraDirectories)
            if (!Directory.Exists(dir)) throw new UsageException($"--packs {dir}: no such directory");

        var packs = LoadAll(extraDirectories, trustCSharp, withTests);
        if (packs.HasErrors)
        {
            throw new UsageException("invalid rule pack(s):" + Environment.NewLine +
                string.Join(Environment.NewLine, packs.Errors.Select(e => "  " + e)));
        }

        return packs;
    }

    /// <summary>
    /// Loads the same packs but keeps their errors in the result, for commands that show packs rather than run them.
    /// Untrusted C# is the exception: it is not a broken pack but a question only the user can answer, so every command
    /// fails on it the same way (usage error, exit 2), as `vet` does.
    /// </summary>
    /// <remarks>
    /// Schema validation is skipped for files whose exact text passed it before (<see cref="SchemaVerdicts"/>): `vet`,
    /// which does not load through here, always validates.
    /// </remarks>
    public LoadedPacks LoadAll(IReadOnlyList<string> extraDirectories, bool trustCSharp = false, bool withTests = true)
    {
        var loaded = packs.LoadAll(extraDirectories, new PackLoadOptions(LoadTests: withTests, SchemaVerdicts: SchemaVerdicts.Default), trustCSharp: trustCSharp);
        if (loaded.Diagnostics.Where(d => d.Code == DiagnosticCodes.CSharpUntrusted).ToList() is { Count: > 0 } untrusted)
            throw new UsageException(string.Join(Environment.NewLine, untrusted.Select(d => d.ToString())));
        return loaded;
    }
}
