using System.Text.Json.Nodes;
using NetDoctor.Packs.Vetting.Reporters;

namespace NetDoctor.Cli.Reporting.Sarif;

/// <summary>
/// Turns a fact's source ("k8s01/ip-route.txt:4", relative to its bundle) into a SARIF physical location: the input that
/// holds the file decides the base — a bundle folder gives a real file path (relative to %SRCROOT% when under the
/// working directory), an archive a base named BUNDLE1, BUNDLE2, … that says which archive the path is inside.
/// </summary>
public sealed class SarifSources(IReadOnlyList<InputInfo> inputs, string workingDirectory)
{
    public SarifArtifacts Artifacts { get; } = new(workingDirectory);

    /// <summary>The physicalLocation of a source, or null when no input holds its file (e.g. "engine").</summary>
    public JsonObject? Physical(string source)
    {
        var (file, line, _) = GitHubCommands.SplitSource(source);
        int index = FindInput(file);
        if (index < 0) return null;
        var input = inputs[index];
        var artifact = input.Root is { } root
            ? Artifacts.Location(Path.Combine(root, file))
            : Artifacts.Inside($"BUNDLE{index + 1}", $"Files inside the archive {input.Path}", file);
        var physical = new JsonObject { ["artifactLocation"] = artifact };
        if (line > 0) physical["region"] = new JsonObject { ["startLine"] = line };
        return physical;
    }

    /// <summary>Where a source path lives on disk, for formats that name files directly (GitHub annotations); null inside archives.</summary>
    public string? LocalPath(string source)
    {
        var (file, _, _) = GitHubCommands.SplitSource(source);
        int index = FindInput(file);
        return index >= 0 && inputs[index].Root is { } root ? Path.Combine(root, file) : null;
    }

    private int FindInput(string file)
    {
        for (int i = 0; i < inputs.Count; i++)
            if (inputs[i].SourceFiles.Contains(file)) return i;
        return -1;
    }
}
