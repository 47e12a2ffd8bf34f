using NetDoctor.Collectors.Parsers.Sysctl;
using NetDoctor.Collectors.Parsing;
using NetDoctor.Collectors.Tests.Robustness;

namespace NetDoctor.Collectors.Tests.Parsers.Sysctl;

public sealed class SysctlParserTests
{
    private static ParseResult Parse(string text) => new SysctlParser().Parse(new ParseInput("k8s01/sysctl.txt", "k8s01", text));

    [Fact]
    public void Lab_sysctls_with_values_and_lines()
    {
        var r = Parse(FixtureFiles.Parser("Sysctl", "lab-sysctl.txt"));
        r.Problems.ShouldBeEmpty();
        var all = r.Facts.Cast<Facts.Sysctl>().ToList();
        all.Count.ShouldBe(155);
        var fwd = all.Single(s => s.Key == "net.ipv4.ip_forward");
        (fwd.Value, fwd.IntValue, fwd.IsEnabled, fwd.Source.Line, fwd.Node).ShouldBe(("0", (long?)0, false, 139, "k8s01"));
        all.Single(s => s.Key == "net.bridge.bridge-nf-call-iptables").IsEnabled.ShouldBeTrue();
    }

    [Fact]
    public void Vectors_empty_values_slashed_names_and_sysctl_errors()
    {
        var r = Parse("net.ipv4.ip_local_port_range = 32768\t60999\nkernel.domainname = \nnet.ipv4.conf.vxlan/calico.rp_filter = 2\nsysctl: permission denied on key 'fs.protected_regular'\nnonsense line\n/proc/sys/net/ipv4/ip_forward: 1\n");
        var all = r.Facts.Cast<Facts.Sysctl>().ToList();
        all[0].Value.ShouldBe("32768\t60999");
        all[0].IntValue.ShouldBeNull();
        all[1].Value.ShouldBe("");
        all[2].Key.ShouldBe("net.ipv4.conf.vxlan/calico.rp_filter");
        (all[3].Key, all[3].Value, all[3].Source.Line).ShouldBe(("net.ipv4.ip_forward", "1", 6));
        r.Problems.Select(p => p.Source.Line).ShouldBe([4, 5]);
    }

    [Theory]
    [InlineData("k8s01/sysctl.txt", "", 100)]
    [InlineData("x", "net.ipv4.ip_forward = 1\nnet.ipv4.conf.all.rp_filter = 0\n", 80)]
    [InlineData("x", "a = b\n", 0)]
    public void Sniff(string name, string head, int expected) => new SysctlParser().Sniff(name, head).ShouldBe(expected);
}

public sealed class SysctlRobustness : ParserRobustnessSuite
{
    protected override IFormatParser Parser => new SysctlParser();
    protected override string Sample => FixtureFiles.Parser("Sysctl", "lab-sysctl.txt");
}
