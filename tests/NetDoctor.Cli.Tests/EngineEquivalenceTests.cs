using System.Text.Json.Nodes;

namespace NetDoctor.Cli.Tests;

/// <summary>
/// `--engine nrules` runs the same rule model on NRules.Runtime. On every bundled sample both runtimes must give the same
/// diagnoses — rule id, node, severity, message, evidence, derivation and remediation — and say which one ran.
/// </summary>
public class EngineEquivalenceTests
{
    public static TheoryData<string> Samples => new(Directory.GetDirectories(Path.Combine(Repo.Root, "samples")).Select(Path.GetFileName).Order()!);

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task Both_runtimes_give_the_same_diagnoses(string sample)
    {
        var indexed = await Cli.Run("run", "--bundle", Repo.Sample(sample), "--format", "json", "--explain");
        var nrules = await Cli.Run("run", "--bundle", Repo.Sample(sample), "--format", "json", "--explain", "--engine", "nrules");

        nrules.ExitCode.ShouldBe(indexed.ExitCode, nrules.ToString());
        nrules.Err.ShouldBe(indexed.Err);
        var expected = Diagnoses(indexed.Json);
        var actual = Diagnoses(nrules.Json);
        actual.Count.ShouldBe(expected.Count, nrules.Out);
        for (var i = 0; i < expected.Count; i++)
        {
            // A difference names the rule: the first line of each serialized diagnosis is its rule id.
            actual[i].ShouldBe(expected[i], $"diagnosis {i} differs between --engine indexed and --engine nrules");
        }
        ((string)indexed.Json["stats"]!["engine"]!).ShouldBe("indexed");
        ((string)nrules.Json["stats"]!["engine"]!).ShouldBe("nrules");
        ((long)nrules.Json["stats"]!["engineMs"]!).ShouldBeGreaterThanOrEqualTo(0);
    }

    /// <summary>A rule that throws (a regex timeout) is reported the same by both, with the same diagnoses from the others.</summary>
    [Fact]
    public async Task Both_runtimes_isolate_a_failing_pack_rule_alike()
    {
        using var pack = FailingPack.Throwing(FailingPack.RegexTimeout);

        var indexed = await Cli.Run("run", "--bundle", Repo.Sample("incident-003-no-default-route"), "--packs", pack.Directory, "--format", "json", "--explain");
        var nrules = await Cli.Run("run", "--bundle", Repo.Sample("incident-003-no-default-route"), "--packs", pack.Directory, "--format", "json", "--explain", "--engine", "nrules");

        nrules.ExitCode.ShouldBe(indexed.ExitCode);
        nrules.Err.ShouldBe(indexed.Err);
        Json(nrules, "diagnoses").ShouldBe(Json(indexed, "diagnoses"));
        Json(nrules, "ruleFailures").ShouldBe(Json(indexed, "ruleFailures"));
    }

    [Fact]
    public async Task An_unknown_engine_is_a_usage_error()
    {
        var result = await Cli.Run("run", "--bundle", Repo.Sample("incident-003-no-default-route"), "--engine", "drools");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Err.ShouldContain("drools");
    }

    private static string Json(Cli.Result result, string field) => result.Json[field]!.ToJsonString();

    /// <summary>Each diagnosis as canonical JSON text with the rule id first, in report order (which is deterministic).</summary>
    private static List<string> Diagnoses(JsonNode report) =>
        [.. report["diagnoses"]!.AsArray().Select(d => $"{d!["ruleId"]}\n{d.ToJsonString()}")];
}
