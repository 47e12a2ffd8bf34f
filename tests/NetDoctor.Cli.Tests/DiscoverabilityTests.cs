using System.Diagnostics;

namespace NetDoctor.Cli.Tests;

/// <summary>
/// What a newcomer finds: help as a command, unknown commands named first, explain pointing at the rule's real file
/// with its conditions in its own words (or a C# rule's class, source and remediation), JSON for packs and explain,
/// samples that can be found from anywhere.
/// </summary>
public class DiscoverabilityTests
{
    [Fact]
    public async Task Help_is_a_command_and_names_every_command()
    {
        var help = await Cli.Run("help");
        help.ExitCode.ShouldBe(0, help.ToString());
        foreach (string command in new[] { "run", "collect", "facts", "vet", "packs", "types", "explain", "demo", "samples" })
            help.Out.ShouldContain($"  {command}");

        var run = await Cli.Run("help", "run");
        run.ExitCode.ShouldBe(0);
        run.Out.ShouldContain("--format");
        run.Out.ShouldContain("--output-junit");
    }

    [Fact]
    public async Task Netdoctor_alone_shows_the_commands_as_a_usage_error()
    {
        var result = await Cli.Run();
        result.ExitCode.ShouldBe(2);
        result.Out.ShouldContain("Commands:");
        result.Err.ShouldNotContain("Required command");
    }

    [Theory]
    [InlineData("bogus")]
    [InlineData("help", "bogus")]
    public async Task An_unknown_command_says_so_first(params string[] args)
    {
        var result = await Cli.Run(args);
        result.ExitCode.ShouldBe(2);
        result.Err.Split('\n')[0].ShouldBe("netdoctor: unknown command 'bogus'");
        result.Err.ShouldNotContain("Required command");
    }

    [Fact]
    public async Task Explain_of_a_yaml_rule_shows_its_repository_file_and_its_when_block_as_written()
    {
        var result = await Cli.Run("explain", "node/no-route-to-service-cidr");
        result.ExitCode.ShouldBe(0, result.ToString());
        result.Out.ShouldNotContain("artifacts/");
        result.Out.ShouldNotContain("/bin/");
        var defined = result.Out.Split('\n').Single(l => l.StartsWith("defined in ", StringComparison.Ordinal));
        string file = defined["defined in ".Length..].Split(':')[0];
        Path.GetFullPath(file).ShouldBe(Path.Combine(Repo.Root, "rulepacks", "node", "rules", "no-route-to-service-cidr.yaml"));

        var yaml = File.ReadAllText(Path.Combine(Repo.Root, "rulepacks", "node", "rules", "no-route-to-service-cidr.yaml"));
        var whenLines = result.Out.Split("Matches when\n")[1].Split("\n\n")[0].Split('\n').Select(l => l[2..]).ToList();
        whenLines[0].ShouldBe("when:");
        whenLines.Count.ShouldBeGreaterThan(3);
        yaml.ShouldContain(string.Join('\n', whenLines));
        result.Out.ShouldContain("Remediation");
    }

    [Fact]
    public async Task Explain_of_a_csharp_rule_names_its_class_source_and_remediation_without_expression_trees()
    {
        var result = await Cli.Run("explain", "calico/bgp-peer-address-mismatch");
        result.ExitCode.ShouldBe(0, result.ToString());
        result.Out.ShouldContain("class NetDoctor.Rules.Calico.Rules.BgpPeerAddressMismatchRule");
        result.Out.ShouldContain("BgpPeerAddressMismatchRule.cs:");
        result.Out.ShouldContain("Remediation");
        result.Out.ShouldContain("IP_AUTODETECTION_METHOD=");
        result.Out.ShouldNotContain("=>");
        result.Out.ShouldNotContain("Convert(");

        var json = await Cli.Run("explain", "calico/bgp-peer-address-mismatch", "--format", "json");
        ((string)json.Json["kind"]!).ShouldBe("csharp");
        ((string)json.Json["source"]!["file"]!).ShouldEndWith("BgpPeerAddressMismatchRule.cs");
        File.Exists(Path.GetFullPath((string)json.Json["source"]!["file"]!)).ShouldBeTrue();
        json.Json["remediation"]!.AsArray().ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Explain_and_packs_speak_json()
    {
        var explain = await Cli.Run("explain", "calico/ippool-overlaps-node-network", "--format", "json");
        explain.ExitCode.ShouldBe(0, explain.ToString());
        ((string)explain.Json["id"]!).ShouldBe("calico/ippool-overlaps-node-network");
        ((string)explain.Json["kind"]!).ShouldBe("yaml");
        ((string)explain.Json["when"]!).ShouldStartWith("when:");
        explain.Json["remediation"]!.AsArray().ShouldAllBe(s => s!["description"] != null);
        ((int)explain.Json["source"]!["line"]!).ShouldBeGreaterThan(0);

        var packs = await Cli.Run("packs", "--format", "json");
        packs.ExitCode.ShouldBe(0, packs.ToString());
        var list = packs.Json["packs"]!.AsArray();
        list.Select(p => (string)p!["name"]!).ShouldBe(["calico", "cluster", "kube-proxy", "node"], ignoreOrder: true);
        list.SelectMany(p => p!["rules"]!.AsArray()).ShouldContain(r => (string)r!["id"]! == "calico/bgp-peer-address-mismatch" && (string)r["kind"]! == "csharp");
        packs.Json["problems"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task Packs_text_keeps_rule_ids_whole_at_80_columns()
    {
        var packs = await Cli.RunAt(80, "packs");
        var json = await Cli.Run("packs", "--format", "json");
        foreach (string id in json.Json["packs"]!.AsArray().SelectMany(p => p!["rules"]!.AsArray()).Select(r => (string)r!["id"]!))
            packs.Out.Split('\n').ShouldContain(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(id), id);
        packs.Out.Split('\n').Where(l => l.EndsWith(' ')).ShouldBeEmpty();
    }

    [Fact]
    public async Task Samples_and_list_samples_say_where_the_samples_are()
    {
        var samples = await Cli.Run("samples");
        samples.ExitCode.ShouldBe(0, samples.ToString());
        foreach (string sample in Repo.Samples) samples.Out.ShouldContain("  " + sample);

        var path = await Cli.Run("samples", "--path");
        Directory.Exists(path.Out.Trim()).ShouldBeTrue(path.Out);
        Directory.Exists(Path.Combine(path.Out.Trim(), "incident-000-ippool-overlap")).ShouldBeTrue();

        var list = await Cli.Run("--list-samples");
        list.ExitCode.ShouldBe(0);
        list.Out.ShouldBe(samples.Out);

        var json = await Cli.Run("samples", "--format", "json");
        json.Json["samples"]!.AsArray().Count.ShouldBe(Repo.Samples.Count);
    }

    [Fact]
    public async Task Demo_works_from_any_directory()
    {
        // A real process started elsewhere: the samples and packs come from beside the program, not the working directory.
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "netdoctor.dll"), "demo"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        using var process = Process.Start(start)!;
        string output = await process.StandardOutput.ReadToEndAsync();
        string error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        process.ExitCode.ShouldBe(0, error);
        output.ShouldContain("calico/ippool-overlaps-node-network");
        output.ShouldContain("Why:");
    }
}
