using System.Net;

namespace NetDoctor.Facts.Tests.Iptables;

public sealed class IptablesFactTests
{
    private static readonly Source At = new("k8s01/iptables-nft-save.txt", 12);

    private static IptablesRule Rule(params IptablesMatch[] matches) => new()
    {
        Table = "nat",
        Chain = "cali-nat-outgoing",
        Position = 1,
        Matches = matches,
        Target = new IptablesTarget { Kind = TargetKind.Masquerade, Name = "MASQUERADE", Text = "-j MASQUERADE --random-fully", RandomFully = true },
        Text = "-A cali-nat-outgoing ...",
        Source = At,
        Node = "k8s01",
    };

    [Fact]
    public void Convenience_properties_find_the_typed_matches()
    {
        var rule = Rule(
            new AddressMatch(Direction.Source, Cidr.Parse("172.16.128.0/17")) { Negated = true, Text = "! -s 172.16.128.0/17" },
            new InterfaceMatch(false, "tunl0") { Text = "-o tunl0" },
            new CommentMatch("a") { Text = "--comment a" },
            new CommentMatch("b") { Text = "--comment b" },
            new SetMatch("cali40all-ipam-pools", [Direction.Destination]) { Negated = true, Text = "! --match-set cali40all-ipam-pools dst" });
        rule.SourceAddress!.Cidr.ShouldBe(Cidr.Parse("172.16.128.0/17"));
        rule.DestinationAddress.ShouldBeNull();
        rule.OutInterface!.Name.ShouldBe("tunl0");
        rule.InInterface.ShouldBeNull();
        rule.Comment.ShouldBe("a; b");
        rule.SetMatches.Single().FirstFlag.ShouldBe(Direction.Destination);
        rule.IsUnconditional.ShouldBeFalse();
        rule.JumpsTo("MASQUERADE").ShouldBeFalse();
        rule.Target.Chain.ShouldBeNull();
        rule.Summary.ShouldBe("nat cali-nat-outgoing#1: -A cali-nat-outgoing ...");
    }

    [Fact]
    public void Match_semantics_honour_negation_masks_and_wildcards()
    {
        var notPods = new AddressMatch(Direction.Source, Cidr.Parse("10.244.0.0/16")) { Negated = true, Text = "" };
        notPods.Matches(IPAddress.Parse("10.244.1.5")).ShouldBeFalse();
        notPods.Matches(IPAddress.Parse("10.20.0.1")).ShouldBeTrue();

        var mark = new MarkMatch(0x4000, 0x4000) { Text = "" };
        mark.Matches(0x4000).ShouldBeTrue();
        mark.Matches(0xC000).ShouldBeTrue();
        mark.Matches(0x8000).ShouldBeFalse();
        new MarkMatch(0x1, null) { Text = "" }.Matches(0x3).ShouldBeFalse();

        var cali = new InterfaceMatch(true, "cali+") { Text = "" };
        cali.Matches("cali12d4").ShouldBeTrue();
        cali.Matches("eth0").ShouldBeFalse();
        new InterfaceMatch(true, "eth0") { Negated = true, Text = "" }.Matches("eth0").ShouldBeFalse();

        new PortRange(6443, 6444).Contains(6444).ShouldBeTrue();
        new PortRange(6443, 6444).ToString().ShouldBe("6443:6444");
        new PortRange(53, 53).ToString().ShouldBe("53");
    }

    [Fact]
    public void Jump_targets_expose_their_chain_and_chains_their_policy()
    {
        var jump = new IptablesTarget { Kind = TargetKind.Jump, Name = "KUBE-MARK-MASQ", Text = "-j KUBE-MARK-MASQ" };
        jump.Chain.ShouldBe("KUBE-MARK-MASQ");
        var chain = new IptablesChain { Table = "filter", Name = "FORWARD", Policy = TargetKind.Drop, Packets = 3, Bytes = 180, Source = At };
        chain.IsBuiltin.ShouldBeTrue();
        chain.Summary.ShouldBe("filter FORWARD policy DROP [3:180]");
        new IptablesChain { Table = "nat", Name = "KUBE-SERVICES", Source = At }.IsBuiltin.ShouldBeFalse();
    }
}
