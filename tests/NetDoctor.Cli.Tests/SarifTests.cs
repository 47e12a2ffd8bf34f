using System.Text.Json.Nodes;

namespace NetDoctor.Cli.Tests;

/// <summary>
/// SARIF as code-scanning services read it: every document `run` and `vet` write validates against the OASIS 2.1.0
/// schema; each result carries its own fix; rules have a PascalCase name, the tool its version and informationUri;
/// artifact locations are relative to a declared base, never a path starting with '/'.
/// </summary>
public class SarifTests
{
    public static TheoryData<string> Samples => new(Repo.Samples);

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task Run_sarif_of_every_sample_is_valid_with_and_without_explain(string sample)
    {
        foreach (var explain in new[] { false, true })
        {
            var args = new List<string> { "run", "--bundle", Repo.Sample(sample), "--format", "sarif" };
            if (explain) args.Add("--explain");
            var result = await Cli.Run([.. args]);
            Schemas.ShouldBeValidSarif(result.Out, $"run --format sarif{(explain ? " --explain" : "")} of {sample}");
            LocationsAreBaseRelative(result.Json);
        }
    }

    [Fact]
    public async Task Each_result_carries_its_own_remediation_not_the_first_one_of_its_rule()
    {
        var json = await Cli.Run("run", "--bundle", Repo.Sample("incident-001-bgp-stray-interface"), "--format", "json");
        var sarif = (await Cli.Run("run", "--bundle", Repo.Sample("incident-001-bgp-stray-interface"), "--format", "sarif")).Json;
        var results = sarif["runs"]![0]!["results"]!.AsArray();
        var sessions = results.Where(r => (string)r!["ruleId"]! == "calico/bgp-session-down").ToList();
        sessions.Count.ShouldBe(2);

        foreach (var (result, diagnosis) in sessions.Zip(json.Json["diagnoses"]!.AsArray().Where(d => (string)d!["ruleId"]! == "calico/bgp-session-down")))
        {
            string text = (string)result!["message"]!["text"]!;
            string markdown = (string)result["message"]!["markdown"]!;
            foreach (var step in diagnosis!["remediation"]!.AsArray().Select(s => (string?)s!["command"]).OfType<string>())
            {
                text.ShouldContain(step);
                markdown.ShouldContain(step);
                result["properties"]!["remediation"]!.AsArray().ShouldContain(r => (string?)r!["command"] == step);
            }
        }
        // The two nodes' fixes differ (other peers), and each result shows its own.
        ((string)sessions[0]!["message"]!["text"]!).ShouldContain("nc -zv -w 3 192.188.1.1 179");
        ((string)sessions[1]!["message"]!["text"]!).ShouldContain("nc -zv -w 3 10.2.7.200 179");
        ((string)sessions[1]!["message"]!["text"]!).ShouldNotContain("192.188.1.1 179");
    }

    [Fact]
    public async Task Tool_and_rules_describe_themselves_as_the_multitool_expects()
    {
        var sarif = (await Cli.Run("run", "--bundle", Repo.Sample("incident-000-ippool-overlap"), "--format", "sarif")).Json;
        var driver = sarif["runs"]![0]!["tool"]!["driver"]!;
        ((string)driver["version"]!).ShouldNotBeNullOrWhiteSpace();
        ((string)driver["semanticVersion"]!).ShouldBe((string)driver["version"]!);
        Uri.IsWellFormedUriString((string)driver["informationUri"]!, UriKind.Absolute).ShouldBeTrue();

        var rules = driver["rules"]!.AsArray();
        rules.Count.ShouldBeGreaterThanOrEqualTo(8, "every rule that can diagnose is described, not only those that fired");
        foreach (var rule in rules)
        {
            string id = (string)rule!["id"]!, name = (string)rule["name"]!;
            name.ShouldNotBe(id);
            name.ShouldMatch("^[A-Z][A-Za-z0-9]*$");
        }
        rules.Single(r => (string)r!["id"]! == "calico/ippool-overlaps-node-network")!["name"]!.GetValue<string>().ShouldBe("CalicoIppoolOverlapsNodeNetwork");
        var result = sarif["runs"]![0]!["results"]![0]!;
        ((string)rules[(int)result["ruleIndex"]!]!["id"]!).ShouldBe((string)result["ruleId"]!);
    }

    [Fact]
    public async Task Explain_adds_the_derivation_as_related_locations()
    {
        var plain = (await Cli.Run("run", "--bundle", Repo.Sample("incident-000-ippool-overlap"), "--format", "sarif")).Json;
        var explained = (await Cli.Run("run", "--bundle", Repo.Sample("incident-000-ippool-overlap"), "--format", "sarif", "--explain")).Json;

        plain["runs"]![0]!["results"]![0]!.AsObject().ContainsKey("relatedLocations").ShouldBeFalse();
        var related = explained["runs"]![0]!["results"]![0]!["relatedLocations"]!.AsArray();
        related.Count.ShouldBeGreaterThan(3);
        related.ShouldContain(r => ((string)r!["message"]!["text"]!).Contains("derived by calico/"));
        related.ShouldContain(r => ((string)r!["physicalLocation"]!["artifactLocation"]!["uri"]!).EndsWith("ippools.crd.projectcalico.org.yaml"));
        related.Select(r => (int)r!["id"]!).ShouldBeUnique();
    }

    [Fact]
    public async Task Locations_resolve_to_the_bundle_files()
    {
        var sarif = (await Cli.Run("run", "--bundle", Repo.Sample("incident-003-no-default-route"), "--format", "sarif")).Json;
        var run = sarif["runs"]![0]!;
        var bases = run["originalUriBaseIds"]!.AsObject();
        foreach (var location in run["results"]!.AsArray().SelectMany(r => r!["locations"]!.AsArray()))
        {
            var artifact = location!["physicalLocation"]!["artifactLocation"]!;
            var baseUri = new Uri((string)bases[(string)artifact["uriBaseId"]!]!["uri"]!);
            File.Exists(new Uri(baseUri, (string)artifact["uri"]!).LocalPath).ShouldBeTrue(artifact.ToJsonString());
        }
    }

    [Fact]
    public async Task Vet_sarif_is_valid_for_passing_packs_and_for_a_broken_pack_at_an_absolute_path()
    {
        var good = await Cli.Run("vet", Path.Combine(Repo.Root, "rulepacks", "node"), "--format", "sarif");
        Schemas.ShouldBeValidSarif(good.Out, "vet --format sarif of rulepacks/node");
        var driver = good.Json["runs"]![0]!["tool"]!["driver"]!;
        ((string)driver["version"]!).ShouldNotBeNullOrWhiteSpace();
        ((string)driver["semanticVersion"]!).ShouldNotBeNullOrWhiteSpace();

        using var broken = BrokenPack.Create();
        var bad = await Cli.Run("vet", broken.Directory, "--format", "sarif");
        bad.ExitCode.ShouldBe(1);
        Schemas.ShouldBeValidSarif(bad.Out, "vet --format sarif of a broken pack");
        LocationsAreBaseRelative(bad.Json);
        var rules = bad.Json["runs"]![0]!["tool"]!["driver"]!["rules"]!.AsArray();
        rules.ShouldAllBe(r => (string)r!["name"]! != (string)r["id"]!);
        bad.Json["runs"]![0]!["results"]!.AsArray().ShouldContain(r => (string)r!["ruleId"]! == "type-check");
    }

    /// <summary>Every artifactLocation names a declared base and is a relative reference that does not start with '/'.</summary>
    private static void LocationsAreBaseRelative(JsonNode sarif)
    {
        var run = sarif["runs"]![0]!;
        var bases = run["originalUriBaseIds"]?.AsObject().Select(b => b.Key).ToHashSet() ?? [];
        foreach (var artifact in Descendants(run).OfType<JsonObject>().Where(o => o.ContainsKey("uri") && o.Parent is JsonObject p && p.ContainsKey("artifactLocation") && p["artifactLocation"] == o))
        {
            string uri = (string)artifact["uri"]!;
            uri.ShouldNotStartWith("/");
            Uri.IsWellFormedUriString(uri, UriKind.Relative).ShouldBeTrue(uri);
            bases.ShouldContain((string)artifact["uriBaseId"]!);
        }
    }

    private static IEnumerable<JsonNode> Descendants(JsonNode node)
    {
        yield return node;
        var children = node switch
        {
            JsonObject o => o.Select(p => p.Value),
            JsonArray a => a.AsEnumerable(),
            _ => [],
        };
        foreach (var child in children.OfType<JsonNode>())
            foreach (var d in Descendants(child)) yield return d;
    }
}
