using NetDoctor.Hosting;
using NetDoctor.Rules.Calico.Tests.Support;

namespace NetDoctor.Rules.Calico.Tests;

/// <summary>
/// The one composition (NetDoctorHost / AddNetDoctor, which the CLI also calls): the built-in packs with their C# rules,
/// the catalog with the C# pack's derived types, and the Collectors' bundle reader behind the pack library's IFactSource.
/// </summary>
public sealed class CompositionTests
{
    [Fact]
    public void The_host_loads_the_built_in_yaml_and_csharp_rules_together()
    {
        var packs = PackRun.Host.LoadPacks();

        packs.Errors.ShouldBeEmpty();
        var names = packs.Packs.Select(p => p.Name).ToList();
        foreach (var pack in new[] { "calico", "kube-proxy", "node" }) names.ShouldContain(pack);
        var ids = packs.RuleDefinitions.Select(r => r.Name).ToList();
        ids.ShouldContain("calico/bgp-peer-address-mismatch");        // C#
        ids.ShouldContain("node/no-route-to-service-cidr");           // YAML
        packs.Catalog.TryResolve("WrongBgpAddress", out _).ShouldBeTrue();
    }

    [Fact]
    public void The_host_reads_fixture_bundles_with_the_collectors_reader()
    {
        var facts = PackRun.Host.Bundles.Read(Path.Combine(RepoPaths.Samples, "incident-003-no-default-route"));

        facts.Facts.ShouldContain(f => f is NetDoctor.Facts.Route && f.Node == "admin");
    }

    [Fact]
    public void A_host_without_built_in_packs_loads_only_what_it_is_given()
    {
        using var host = NetDoctorHost.Create(new NetDoctorOptions());

        host.Packs.BuiltInDirectory.ShouldBeNull();
        host.LoadPacks().Packs.ShouldBeEmpty();
        host.LoadPacks(RepoPaths.Pack("calico")).Packs.Select(p => p.Name).ShouldNotContain("node");
    }
}
