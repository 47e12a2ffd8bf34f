using System.Diagnostics;

namespace NetDoctor.Cli.Tests;

/// <summary>
/// The `./netdoctor` launcher in a scratch copy of the repository layout, with a fake dotnet that records what it is
/// asked to do: it builds on the first call (saying so, project by project), not on a second, and again after a
/// file is added, changed or deleted — the case `find -newer` missed.
/// </summary>
public sealed class LauncherTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("nd-launcher-");
    private string Log => Path.Combine(_root.FullName, "dotnet.log");

    public LauncherTests()
    {
        File.Copy(Path.Combine(Repo.Root, "netdoctor"), Path.Combine(_root.FullName, "netdoctor"));
        Write("engine/NetDoctor.Cli/NetDoctor.Cli.csproj", "<Project />");
        Write("engine/NetDoctor.Cli/Program.cs", "// program");
        Write("facts/NetDoctor.Facts/Route.cs", "// a fact");
        Write("rulepacks/node/rules/rule.yaml", "id: node/x");
        Write("samples/incident/admin/ip-route.txt", "default via 10.0.0.1 dev eth0");
        Write("Directory.Build.props", "<Project />");
        Write("Directory.Packages.props", "<Project />");
        Write("fake-dotnet", """
            #!/usr/bin/env bash
            echo "$*" >> "$FAKE_LOG"
            case "$1" in
              restore) exit 0 ;;
              publish)
                while [ $# -gt 0 ]; do [ "$1" = -o ] && out="$2"; shift; done
                mkdir -p "$out" && touch "$out/netdoctor.dll"
                echo "  NetDoctor.Facts -> $out/NetDoctor.Facts.dll"
                echo "  NetDoctor.Cli -> $out/netdoctor.dll"
                exit "${FAKE_BUILD_RC:-0}" ;;
              *) echo "ran $*" ;;
            esac
            """);
        Run("chmod", "+x", "netdoctor", "fake-dotnet");
    }

    [Fact]
    public void Builds_once_with_progress_then_runs_without_building()
    {
        var first = Launch("--version");
        first.Code.ShouldBe(0, first.Err);
        first.Err.ShouldContain("first run: building");
        first.Err.ShouldContain("restoring NuGet packages");
        first.Err.ShouldContain("built NetDoctor.Facts");
        first.Err.ShouldContain("built NetDoctor.Cli");
        first.Out.ShouldContain("ran ");
        first.Out.ShouldContain("netdoctor.dll --version");

        var second = Launch("--version");
        second.Err.ShouldBeEmpty();
        Builds().ShouldBe(1);
    }

    [Theory]
    [InlineData("delete")]
    [InlineData("add")]
    [InlineData("change")]
    public void Rebuilds_when_a_file_is_added_changed_or_deleted(string change)
    {
        Launch().Code.ShouldBe(0);
        switch (change)
        {
            case "delete": File.Delete(Path.Combine(_root.FullName, "facts/NetDoctor.Facts/Route.cs")); break;
            case "add": Write("rulepacks/node/rules/new-rule.yaml", "id: node/y"); break;
            case "change":
                string sample = Path.Combine(_root.FullName, "samples/incident/admin/ip-route.txt");
                File.WriteAllText(sample, "default via 10.0.0.2 dev eth0");   // same size: the time tells
                File.SetLastWriteTimeUtc(sample, DateTime.UtcNow.AddMinutes(-30));
                break;
        }
        var after = Launch();
        after.Err.ShouldContain("changed since the last build");
        Builds().ShouldBe(2);
        Launch().Err.ShouldBeEmpty();
        Builds().ShouldBe(2);
    }

    [Fact]
    public void Output_folders_of_the_build_do_not_count_as_changes()
    {
        Launch();
        Write("engine/NetDoctor.Cli/obj/project.assets.json", "{}");
        Write("engine/NetDoctor.Cli/bin/Debug/x.dll", "");
        Launch().Err.ShouldBeEmpty();
        Builds().ShouldBe(1);
    }

    [Fact]
    public void A_failed_build_shows_its_log_and_builds_again_next_time()
    {
        var failed = Launch(buildExitCode: 1);
        failed.Code.ShouldBe(2);
        failed.Err.ShouldContain("build failed");
        Launch().Err.ShouldContain("building");
        Builds().ShouldBe(2);
    }

    public void Dispose() => _root.Delete(recursive: true);

    private int Builds() => File.ReadAllLines(Log).Count(l => l.StartsWith("publish ", StringComparison.Ordinal));

    private void Write(string relative, string text)
    {
        string path = Path.Combine(_root.FullName, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text.ReplaceLineEndings("\n") + "\n");
    }

    private (int Code, string Out, string Err) Launch(string? argument = null, int buildExitCode = 0)
    {
        var start = new ProcessStartInfo(Path.Combine(_root.FullName, "netdoctor")) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _root.FullName };
        if (argument is not null) start.ArgumentList.Add(argument);
        start.Environment["NETDOCTOR_DOTNET"] = Path.Combine(_root.FullName, "fake-dotnet");
        start.Environment["FAKE_LOG"] = Log;
        start.Environment["FAKE_BUILD_RC"] = buildExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd();
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, error);
    }

    private void Run(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file, args) { WorkingDirectory = _root.FullName };
        using var process = Process.Start(start)!;
        process.WaitForExit();
    }
}
