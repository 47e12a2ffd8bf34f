using System.Security.Cryptography;
using System.Text;
using NetDoctor.Packs.Loading;
using NetDoctor.Packs.Loading.CSharp;

namespace NetDoctor.Packs.Schema;

/// <summary>
/// Remembers which pack files passed JSON Schema validation, so a later load of the same text skips it: the schema
/// library's start-up (NJsonSchema, Newtonsoft.Json) was a fifth of a small run's CPU time, spent again on every run
/// over packs that had not changed. A verdict is an empty claim kept as a file named by the SHA-256 of the file's text,
/// its document kind and this NetDoctor build (whose embedded schemas decide validity), under
/// <c>pack-schemas/</c> in the user's cache folder (<see cref="CSharpPackCache.DefaultDirectory"/>, mode 0700). Only
/// valid files are recorded, so a changed file, a new build or a missing, unreadable or damaged entry simply means
/// the file is validated again; nothing read from the cache is ever trusted beyond "this exact text was valid".
/// NETDOCTOR_NO_CACHE=1 turns it off (every document validated).
/// </summary>
public sealed class SchemaVerdicts(string directory)
{
    private static readonly string BuildId = BuildIdentity();

    /// <summary>The user's verdicts, or null when NETDOCTOR_NO_CACHE=1.</summary>
    public static SchemaVerdicts? Default =>
        Environment.GetEnvironmentVariable("NETDOCTOR_NO_CACHE") == "1" ? null : new(Path.Combine(CSharpPackCache.DefaultDirectory, "pack-schemas"));

    /// <summary>Where the verdicts are kept.</summary>
    public string Directory { get; } = directory;

    /// <summary>True when this exact text of <paramref name="file"/> validated as <paramref name="kind"/> with this build before.</summary>
    public bool IsKnownValid(PackFile file, DocumentKind kind)
    {
        string key = Key(file, kind);
        try
        {
            // The entry holds its own name: a truncated or foreign file is no verdict.
            return File.ReadAllText(Path.Combine(Directory, key)) == key;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Records that every document of <paramref name="file"/> validated as <paramref name="kind"/>; best effort.</summary>
    public void RecordValid(PackFile file, DocumentKind kind)
    {
        string key = Key(file, kind);
        try
        {
            CSharpPackCache.Private(Directory);
            // Written aside and renamed, so a reader never sees half an entry.
            string staging = Path.Combine(Directory, $".{key}-{Environment.ProcessId}-{Guid.NewGuid():N}");
            File.WriteAllText(staging, key);
            File.Move(staging, Path.Combine(Directory, key), overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A read-only or full cache folder costs the next run a validation, nothing more.
        }
    }

    private static string Key(PackFile file, DocumentKind kind) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{BuildId}\n{kind}\n{file.Text}")));

    /// <summary>This build of the pack library (its schemas are embedded in it): version and module id.</summary>
    private static string BuildIdentity()
    {
        var assembly = typeof(SchemaVerdicts).Assembly;
        return $"{assembly.GetName().Version}|{assembly.ManifestModule.ModuleVersionId}";
    }
}
