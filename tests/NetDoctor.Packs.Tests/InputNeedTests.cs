using NetDoctor.Facts;
using NetDoctor.Packs.Inputs;

namespace NetDoctor.Packs.Tests;

/// <summary>
/// The formula of what a rule needs from the inputs: all of its patterns, any one of the helper rules that can derive a
/// derived type, and which missing types are named when the need is not met.
/// </summary>
public class InputNeedTests
{
    private static readonly InputNeed Routes = new InputNeed.Read(typeof(Route));
    private static readonly InputNeed Pools = new InputNeed.Read(typeof(IpPool));
    private static readonly InputNeed Ipsets = new InputNeed.Read(typeof(IpSetMember));
    private static readonly InputNeed Pods = new InputNeed.Read(typeof(KubePod));

    private static Func<Type, bool> Present(params Type[] types) => t => types.Contains(t);

    [Fact]
    public void All_of_names_every_type_that_was_not_read()
    {
        var need = InputNeed.All([Routes, Pools, Ipsets]);

        need.Missing(Present(typeof(Route))).ShouldBe(["IpPool", "IpSetMember"]);
        need.Missing(Present(typeof(Route), typeof(IpPool), typeof(IpSetMember))).ShouldBeNull();
    }

    [Fact]
    public void Any_of_is_met_by_one_alternative_and_names_them_all_when_none_was_read()
    {
        var need = InputNeed.All([Routes, InputNeed.Any([Pools, Ipsets])]);

        need.Missing(Present(typeof(Route), typeof(IpSetMember))).ShouldBeNull();
        need.Missing(Present(typeof(Route))).ShouldBe(["IpPool", "IpSetMember"]);
    }

    [Fact]
    public void An_alternative_that_misses_more_than_another_is_not_named()
    {
        // NamespaceProfileChain: from a chain alone, or from a chain and the pods of its namespace.
        var need = InputNeed.Any([new InputNeed.Read(typeof(IptablesChain)), InputNeed.All([Pods, new InputNeed.Read(typeof(IptablesChain))])]);

        need.Missing(Present()).ShouldBe(["IptablesChain"]);
    }

    [Fact]
    public void A_cycle_of_helpers_is_no_way_out_and_hides_no_other_alternative()
    {
        var need = InputNeed.Any([new InputNeed.AnyOf([]), Pools]);

        need.Missing(Present()).ShouldBe(["IpPool"]);
        need.Missing(Present(typeof(IpPool))).ShouldBeNull();
    }

    [Fact]
    public void A_derived_type_no_enabled_rule_derives_is_always_missing()
    {
        var need = InputNeed.All([Routes, new InputNeed.NotDerived(typeof(NetDoctor.Packs.Types.DerivedFact))]);

        need.Missing(Present(typeof(Route))).ShouldBe(["DerivedFact"]);
    }

    [Fact]
    public void Nothing_is_always_met_and_absorbs_an_any_of()
    {
        InputNeed.Nothing.Missing(Present()).ShouldBeNull();
        InputNeed.Any([Pools, InputNeed.Nothing]).ShouldBe(InputNeed.Nothing);
        InputNeed.All([InputNeed.Nothing, Routes]).ShouldBe(Routes);
    }

    [Fact]
    public void Facts_read_answer_by_type_and_node_and_name_the_nodes_whose_host_state_was_read()
    {
        var read = new FactsRead();
        read.Add(typeof(Route), "k8s01");
        read.Add(typeof(IptablesRule), "k8s01");
        read.Add(typeof(Route), "k8s02");
        read.Add(typeof(IpPool), null);
        read.Add(typeof(LogLine), "k8s03");   // logs are no host state: k8s03 is not a node whose own outputs were read

        read.Any(typeof(IptablesRule)).ShouldBeTrue();
        read.On(typeof(IptablesRule), "k8s02").ShouldBeFalse();
        read.On(typeof(Route), "k8s02").ShouldBeTrue();
        read.Any(typeof(Fact)).ShouldBeTrue();               // a pattern of a base type matches every fact
        read.CarriesNode(typeof(IpPool)).ShouldBeFalse();
        read.HostNodes.ShouldBe(["k8s01", "k8s02"]);
    }
}
