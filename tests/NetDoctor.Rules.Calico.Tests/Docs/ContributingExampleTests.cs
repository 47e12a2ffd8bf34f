using Microsoft.Extensions.DependencyInjection;
using NetDoctor.Engine;
using NetDoctor.Engine.Composition;
using NetDoctor.Facts;
using NetDoctor.Packs.Diagnoses;
using NetDoctor.Rules.Calico.Tests.Support;

namespace NetDoctor.Rules.Calico.Tests.Docs;

/// <summary>The C# rule CONTRIBUTING.md shows is this project's <see cref="PoolOverlapsNodeRule"/>: it compiles, loads through DI, and runs on both runtimes.</summary>
public sealed class ContributingExampleTests
{
    private sealed class Notes : ISiteNotes
    {
        public string For(string node) => $"Ask the team that owns {node}.";
    }

    [Fact]
    public void Contributing_quotes_the_compiled_example_verbatim()
    {
        var source = File.ReadAllText(Path.Combine(RepoPaths.Root, "tests", "NetDoctor.Rules.Calico.Tests", "Docs", "PoolOverlapsNodeRule.cs"));
        var example = Between(source, "// <contributing-example>", "// </contributing-example>");
        var contributing = File.ReadAllText(Path.Combine(RepoPaths.Root, "CONTRIBUTING.md")).ReplaceLineEndings("\n");

        contributing.ShouldContain(example, customMessage: "CONTRIBUTING.md §6 must quote Docs/PoolOverlapsNodeRule.cs between its markers");
    }

    [Theory]
    [InlineData(EngineKind.Indexed)]
    [InlineData(EngineKind.NRules)]
    public void The_example_loads_through_DI_and_fires_only_without_a_default_route(EngineKind engine)
    {
        var services = new ServiceCollection().AddSingleton<ISiteNotes, Notes>().BuildServiceProvider();
        var rules = new EngineBuilder().AddRule<PoolOverlapsNodeRule>().Resolve(services).ToList();
        var factory = RuleRuntimes.Compile(engine, rules);
        var pool = new IpPool { Source = new Source("ippools.yaml", 4), Name = "default-ipv4-ippool", Cidr = Cidr.Parse("192.168.0.0/16"), NatOutgoing = true };
        var addr = new InterfaceAddress { Source = new Source("k8s-node01/ip-addr.txt", 9), Node = "k8s-node01", Interface = "eth1", Address = Cidr.Parse("192.168.56.11/24") };
        var route = new Route { Source = new Source("k8s-node01/ip-route.txt", 2), Node = "k8s-node01", Destination = Cidr.Parse("192.168.56.0/24"), Device = "eth1" };

        var session = factory.CreateSession(services);
        session.InsertAll([pool, addr, route]);
        session.Fire();

        var diagnosis = session.Query<Diagnosis>().ShouldHaveSingleItem();
        diagnosis.RuleId.ShouldBe("example/pool-overlaps-node");
        diagnosis.Severity.ShouldBe(RuleSeverity.Critical);
        diagnosis.Title.ShouldBe("IP pool overlaps a node network");
        diagnosis.Message.ShouldBe("IP pool default-ipv4-ippool (192.168.0.0/16) contains 192.168.56.11 of eth1 on node k8s-node01 (1 routes, none default). Ask the team that owns k8s-node01.");
        diagnosis.Node.ShouldBe("k8s-node01");
        diagnosis.Remediation.ShouldHaveSingleItem().Command.ShouldBe("calicoctl patch ippool default-ipv4-ippool -p '{\"spec\":{\"disabled\":true}}'");
        diagnosis.References.ShouldBe(["https://docs.tigera.io/calico/latest/networking/ipam/ip-pools"]);
        // Evidence is every matched fact with its file:line, as for a YAML rule's diagnose.
        diagnosis.Evidence.Select(e => $"{e.Type} {e.Source}").ShouldBe(["IpPool ippools.yaml:4", "InterfaceAddress k8s-node01/ip-addr.txt:9", "Route k8s-node01/ip-route.txt:2"]);
        session.Explain(diagnosis)!.Rule.Name.ShouldBe("example/pool-overlaps-node");

        var defaultRoute = new Route { Source = new Source("k8s-node01/ip-route.txt", 1), Node = "k8s-node01", Destination = Cidr.Parse("0.0.0.0/0"), Gateway = System.Net.IPAddress.Parse("192.168.56.1") };
        session.Insert(defaultRoute);
        session.Fire();
        session.Query<Diagnosis>().ShouldBeEmpty();
    }

    private static string Between(string text, string start, string end)
    {
        text = text.ReplaceLineEndings("\n");
        var from = text.IndexOf(start, StringComparison.Ordinal) + start.Length;
        return text[from..text.IndexOf(end, from, StringComparison.Ordinal)].Trim('\n');
    }
}
