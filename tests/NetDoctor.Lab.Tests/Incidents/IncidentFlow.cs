using NetDoctor.Lab.Tests.Cli;
using NetDoctor.Lab.Tests.Scenarios;
using Xunit.Abstractions;

namespace NetDoctor.Lab.Tests.Incidents;

/// <summary>The operator's loop, step by step, shared by every incident test:
/// (1) the failure is real, (2) netdoctor collects inside the node's namespace, (3) it names the cause,
/// (4) the remediation is applied, (5) the connection works and a fresh diagnosis no longer names the cause.</summary>
public sealed class IncidentFlow(ITestOutputHelper output)
{
    /// <summary>Steps 1, 4, 5 (connections only): proves the scenario reproduces the incident and the fix fixes it, without netdoctor.</summary>
    public async Task ReproduceAndFixAsync(Scenario scenario)
    {
        LabRequirements.Ensure();
        await scenario.BuildAsync();
        var before = await scenario.ProbeAsync();
        output.WriteLine($"(1) before fix: {before}");
        before.Outcome.ShouldBe(scenario.FailureOutcome, before.ToString());
        output.WriteLine($"(4) remediation: {await scenario.RemediateAsync([])}");
        var after = await scenario.ProbeAsync();
        output.WriteLine($"(5) after fix: {after}");
        after.Outcome.ShouldBe(ProbeOutcome.Connected, after.ToString());
    }

    /// <summary>All five steps with netdoctor in the loop; <paramref name="check"/> looks closer at the diagnoses before the fix.</summary>
    public async Task DiagnoseLiveAsync(Scenario scenario, Action<IReadOnlyList<Diagnosis>>? check = null)
    {
        LabRequirements.Ensure();
        await scenario.BuildAsync();
        var before = await scenario.ProbeAsync();
        output.WriteLine($"(1) before fix: {before}");
        before.Outcome.ShouldBe(scenario.FailureOutcome, before.ToString());

        var diagnoses = await CollectAndDiagnoseAsync(scenario, "before");
        foreach (var id in scenario.ExpectedRuleIds)
            diagnoses.Select(d => d.RuleId).ShouldContain(id, $"(3) expected {id}; got: {Describe(diagnoses)}");
        var unrelated = diagnoses.Where(d => d.AtLeast("error") && !scenario.RelatedRuleIds.Contains(d.RuleId)).ToList();
        unrelated.ShouldBeEmpty($"(3) unrelated diagnoses at error or above: {Describe(unrelated)}");
        check?.Invoke(diagnoses);

        output.WriteLine($"(4) remediation: {await scenario.RemediateAsync(diagnoses)}");
        var after = await scenario.ProbeAsync();
        output.WriteLine($"(5) after fix: {after}");
        after.Outcome.ShouldBe(ProbeOutcome.Connected, after.ToString());

        var fresh = await CollectAndDiagnoseAsync(scenario, "after");
        foreach (var id in scenario.ExpectedRuleIds)
            fresh.Select(d => d.RuleId).ShouldNotContain(id, $"(5) {id} still reported after the fix: {Describe(fresh)}");
    }

    /// <summary>Healthy scenario: the probes connect and netdoctor reports nothing at warning or above.</summary>
    public async Task HealthyAsync(Scenario scenario, bool withNetDoctor)
    {
        LabRequirements.Ensure();
        await scenario.BuildAsync();
        var probe = await scenario.ProbeAsync();
        output.WriteLine($"probe: {probe}");
        probe.Outcome.ShouldBe(ProbeOutcome.Connected, probe.ToString());
        if (!withNetDoctor) return;
        var diagnoses = await CollectAndDiagnoseAsync(scenario, "healthy");
        diagnoses.Where(d => d.AtLeast("warning")).ShouldBeEmpty($"healthy scenario produced: {Describe(diagnoses)}");
    }

    /// <summary>Builds the scenario, checks its probe ends as <paramref name="expected"/>, and returns what netdoctor says about
    /// the live state (for scenarios whose point is what netdoctor does and does not claim).</summary>
    public async Task<IReadOnlyList<Diagnosis>> ProbeAndDiagnoseAsync(Scenario scenario, ProbeOutcome expected)
    {
        LabRequirements.Ensure();
        await scenario.BuildAsync();
        var probe = await scenario.ProbeAsync();
        output.WriteLine($"(1) probe: {probe}");
        probe.Outcome.ShouldBe(expected, probe.ToString());
        return await CollectAndDiagnoseAsync(scenario, "live");
    }

    /// <summary>One bundle per node (collect refuses a non-empty directory), run together as one fact base;
    /// the cluster YAML goes into the first node's bundle only, so cluster objects are not counted twice.</summary>
    private async Task<IReadOnlyList<Diagnosis>> CollectAndDiagnoseAsync(Scenario scenario, string label)
    {
        var bundles = new List<string>();
        foreach (var node in scenario.BundleNodes)
        {
            var bundle = Path.Combine(scenario.Lab.WorkDirectory, $"bundle-{label}-{node}");
            var collect = await NetDoctorCli.CollectInsideAsync(scenario.Node(node), bundle, scenario.Birds.GetValueOrDefault(node)?.SocketPath);
            output.WriteLine($"(2) collect in {scenario.Node(node)}: exit {collect.ExitCode}");
            if (!collect.Succeeded) throw new LabCommandException(collect);
            await scenario.Cluster.WriteAsync(bundle, [node], includeCluster: bundles.Count == 0);
            bundles.Add(bundle);
        }
        var (result, diagnoses) = await NetDoctorCli.DiagnoseAsync(bundles);
        output.WriteLine($"(3) netdoctor run ({label}) exit {result.ExitCode}: {Describe(diagnoses)}");
        return diagnoses;
    }

    private static string Describe(IEnumerable<Diagnosis> diagnoses)
    {
        var list = diagnoses.ToList();
        return list.Count == 0 ? "(none)" : string.Join("; ", list);
    }
}
