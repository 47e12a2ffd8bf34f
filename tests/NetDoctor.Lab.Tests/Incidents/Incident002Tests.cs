using NetDoctor.Lab.Tests.Scenarios;
using Xunit.Abstractions;

namespace NetDoctor.Lab.Tests.Incidents;

/// <summary>Seed 002: a profile chain that only drops; traffic to the pod is dropped.</summary>
[Collection(LabCollection.Name)]
public sealed class Incident002Tests(ITestOutputHelper output)
{
    [SkippableFact]
    public async Task Traffic_to_the_pod_is_dropped_until_the_profile_exists()
    {
        await using var scenario = new Incident002ProfileDropAll();
        await new IncidentFlow(output).ReproduceAndFixAsync(scenario);
    }

    [SkippableFact]
    public async Task Netdoctor_names_the_drop_all_profile_live_and_not_after_the_fix()
    {
        await using var scenario = new Incident002ProfileDropAll();
        await new IncidentFlow(output).DiagnoseLiveAsync(scenario);
    }

    [SkippableFact]
    public async Task A_long_namespace_whose_profile_chains_felix_named_by_hash_is_diagnosed_too()
    {
        // k8s_ns.monitoring-system does not fit iptables' 28 characters: the kernel holds cali-pri-_QABcsHqOaFNb87KubL.
        await using var scenario = new Incident002ProfileDropAll("monitoring-system");
        await new IncidentFlow(output).DiagnoseLiveAsync(scenario, diagnoses =>
        {
            var message = diagnoses.Single(d => d.RuleId == "calico/profile-drop-all").Message;
            message.ShouldContain("cali-pri-_QABcsHqOaFNb87KubL");
            message.ShouldContain("profile k8s_ns.monitoring-system (namespace monitoring-system)");
        });
    }
}
