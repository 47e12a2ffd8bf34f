using System.Text.Json.Nodes;

namespace NetDoctor.Cli.Tests;

/// <summary>Runs the CLI in-process, exactly as Program.Main does, capturing stdout and stderr.</summary>
public static class Cli
{
    public sealed record Result(int ExitCode, string Out, string Err)
    {
        public JsonNode Json => JsonNode.Parse(Out) ?? throw new InvalidOperationException("stdout is not JSON: " + Out);

        public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Err}";
    }

    public static Task<Result> Run(params string[] args) => RunAt(null, args);

    /// <summary>Runs with human output laid out for a terminal <paramref name="columns"/> wide (null: COLUMNS or the default).</summary>
    public static async Task<Result> RunAt(int? columns, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = await CliHost.RunAsync(args, output, error, columns: columns);
        return new Result(code, output.ToString(), error.ToString());
    }
}

/// <summary>The repository checkout the tests run in (samples/, rulepacks/, the launcher).</summary>
public static class Repo
{
    public static string Root { get; } = Find();

    public static string Sample(string name) => Path.Combine(Root, "samples", name);

    /// <summary>Every bundled sample's name.</summary>
    public static IReadOnlyList<string> Samples { get; } =
        Directory.GetDirectories(Path.Combine(Root, "samples")).Select(d => Path.GetFileName(d)!).Order(StringComparer.Ordinal).ToList();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Engine.sln"))) return dir.FullName;
        throw new InvalidOperationException("Engine.sln not found above " + AppContext.BaseDirectory);
    }
}
