using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace NetDoctor.Packs.Loading.CSharp;

/// <summary>
/// Builds an external pack's C# project with `dotnet build` into a cache folder keyed on a hash of the project's files
/// and of the NetDoctor build it runs on, so a pack is compiled once per change (a second run starts at once). The
/// cache lives in the user's cache folder, readable only by the user (0700): what is in it is code that will run.
/// </summary>
internal static class CSharpPackCache
{
    /// <summary>$NETDOCTOR_CACHE_DIR, else $XDG_CACHE_HOME/netdoctor, else ~/.cache/netdoctor; built packs under csharp-packs/.</summary>
    public static string DefaultDirectory =>
        Environment.GetEnvironmentVariable("NETDOCTOR_CACHE_DIR") is { Length: > 0 } dir ? dir
        : Path.Combine(Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache"), "netdoctor");

    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(5);

    /// <summary>The built assembly's path, or the build's errors (compiler messages first).</summary>
    public static (string? Assembly, IReadOnlyList<string> Errors) Build(string project, string packName, string cacheRoot)
    {
        string key = Key(project);
        Directory.CreateDirectory(cacheRoot);
        string root = Private(Path.Combine(cacheRoot, "csharp-packs"));
        string final = Path.Combine(root, $"{packName}-{key}");
        string assembly = Path.Combine(final, Path.GetFileNameWithoutExtension(project) + ".dll");
        if (File.Exists(Path.Combine(final, ".built")) && File.Exists(assembly)) return (assembly, []);

        string staging = Private(Path.Combine(root, $".{packName}-{key}-{Environment.ProcessId}-{Guid.NewGuid():N}"));
        var (exit, output) = RunBuild(project, staging);
        if (exit != 0 || !File.Exists(Path.Combine(staging, Path.GetFileName(assembly))))
        {
            TryDelete(staging);
            return (null, Errors(output, exit));
        }
        File.WriteAllText(Path.Combine(staging, ".built"), key);
        try
        {
            Directory.Move(staging, final);
        }
        catch (IOException) when (File.Exists(Path.Combine(final, ".built")))
        {
            TryDelete(staging); // another process built the same key first: use its copy
        }
        return (assembly, []);
    }

    /// <summary>SHA-256 over the project folder's files (path and content; bin/ and obj/ left out) and this NetDoctor build.</summary>
    internal static string Key(string project)
    {
        string folder = Path.GetDirectoryName(Path.GetFullPath(project))!;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var netdoctor = typeof(Packs.Types.DerivedFact).Assembly;
        hash.AppendData(Encoding.UTF8.GetBytes($"{netdoctor.GetName().Version}|{netdoctor.ManifestModule.ModuleVersionId}|{Path.GetFileName(project)}\n"));
        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith("bin/", StringComparison.Ordinal) && !f.StartsWith("obj/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
        foreach (string file in files)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(file + "\n"));
            hash.AppendData(File.ReadAllBytes(Path.Combine(folder, file)));
        }
        return Convert.ToHexString(hash.GetHashAndReset())[..16].ToLowerInvariant();
    }

    /// <summary>`dotnet build` with NetDoctorDir set to the program's folder, where a pack's project finds NetDoctor's assemblies.</summary>
    private static (int Exit, string Output) RunBuild(string project, string output)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in new[] { "build", Path.GetFullPath(project), "-c", "Release", "-o", output, "--nologo", "-v", "q", "-clp:NoSummary",
                     $"-p:NetDoctorDir={AppContext.BaseDirectory.TrimEnd('/', '\\')}/" })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        try
        {
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(BuildTimeout))
            {
                process.Kill(entireProcessTree: true);
                return (-1, $"error: dotnet build did not finish within {BuildTimeout.TotalMinutes:0} minutes");
            }
            return (process.ExitCode, stdout.Result + stderr.Result);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return (-1, $"error: cannot run 'dotnet' ({ex.Message}): building a C# pack needs the .NET SDK on PATH");
        }
    }

    private static IReadOnlyList<string> Errors(string output, int exit)
    {
        var errors = output.Split('\n').Select(l => l.Trim()).Where(l => l.Contains("error", StringComparison.OrdinalIgnoreCase) && l.Length > 0)
            .Distinct().Take(10).ToList();
        return errors.Count > 0 ? errors : [$"dotnet build exited with {exit} and built no assembly: {output.Trim()}"];
    }

    /// <summary>Creates the folder (if needed) and makes it the user's alone, also when it existed with wider rights.</summary>
    internal static string Private(string directory)
    {
        Directory.CreateDirectory(directory);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return directory;
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
