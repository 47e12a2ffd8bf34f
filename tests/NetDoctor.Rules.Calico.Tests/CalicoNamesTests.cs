using NetDoctor.Rules.Calico.Helpers;

namespace NetDoctor.Packs.Tests;

/// <summary>Felix's chain names, checked against names Felix itself produced.</summary>
public sealed class CalicoNamesTests
{
    [Theory]
    // Felix's own unit test of ProfileToIptablesChains.
    [InlineData("cali-pri-", "long-policy-name-that-gets-hashed", "cali-pri-_ffOMcf6pikpiZ6hgKc")]
    // A Calico 3.2x node's iptables: the chain carries the comment "Profile ksa.calico-system.default ingress".
    [InlineData("cali-pri-", "ksa.calico-system.default", "cali-pri-_og73BH3DuNOZrbBKFW")]
    [InlineData("cali-pro-", "ksa.calico-system.default", "cali-pro-_og73BH3DuNOZrbBKFW")]
    // Names that fit are kept; 28 characters exactly still fit.
    [InlineData("cali-pri-", "kns.default", "cali-pri-kns.default")]
    [InlineData("cali-pri-", "kns.calico-system", "cali-pri-kns.calico-system")]
    [InlineData("cali-pri-", "kns.tigera-operator", "cali-pri-kns.tigera-operator")]
    public void Chain_names_are_felix_names(string prefix, string name, string chain)
    {
        Calico.ChainName(prefix, name).ShouldBe(chain);
        Calico.ChainName(prefix, name).Length.ShouldBeLessThanOrEqualTo(Calico.MaxChainNameLength);
    }

    [Fact]
    public void A_name_of_exactly_the_room_left_that_starts_with_an_underscore_is_hashed_so_it_cannot_pass_for_a_hash()
    {
        var name = "_" + new string('x', 18);
        ("cali-pri-" + name).Length.ShouldBe(28);
        Calico.ChainName("cali-pri-", name).ShouldNotBe("cali-pri-" + name);
        Calico.ChainName("cali-pri-", name).ShouldStartWith("cali-pri-_");
        Calico.ChainName("cali-pri-", name).Length.ShouldBe(28);
    }

    [Fact]
    public void Profile_chain_shorthands_and_the_empty_name()
    {
        Calico.ProfileIngressChain("kns.monitoring-system").ShouldBe("cali-pri-_SZixlgMyBS8_5Xhxu6");
        Calico.ProfileEgressChain("kns.monitoring-system").ShouldBe("cali-pro-_SZixlgMyBS8_5Xhxu6");
        Calico.ChainName("cali-pri-", "").ShouldBe("cali-pri-_");
    }
}
