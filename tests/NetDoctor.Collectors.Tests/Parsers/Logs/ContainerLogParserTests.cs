using System.Net;
using NetDoctor.Collectors.Parsers.Logs;
using NetDoctor.Collectors.Parsing;
using NetDoctor.Collectors.Tests.Robustness;
using NetDoctor.Facts;

namespace NetDoctor.Collectors.Tests.Parsers.Logs;

/// <summary>Fixtures are the container logs of incidents 000, 002 and 003 (typos and no-break spaces kept), plus two hand-written ones.</summary>
public class ContainerLogParserTests
{
    private readonly ContainerLogParser _parser = new();

    private ParseResult Parse(string file, string path, string node) => _parser.Parse(ParserFixture.Input("Logs", file, path, node));

    [Fact]
    public void Controller_of_incident_000_times_out_dialling_the_kubernetes_service()
    {
        var result = Parse("calico-kube-controllers-596576f79-j2pkg.log", "k8s-node1/calico-system/calico-kube-controllers-596576f79-j2pkg.log", "k8s-node1");

        var lines = result.Facts.OfType<LogLine>().ToList();
        lines.Count.ShouldBe(4);
        lines[0].Level.ShouldBe(LogLevel.Info); // "[INF0]" as retyped
        lines[0].Format.ShouldBe(LogFormat.Calico);
        lines[0].Logger.ShouldBe("main.go 107");
        lines[0].Timestamp.ShouldBe(new DateTimeOffset(2024, 6, 12, 5, 53, 8, 531, TimeSpan.Zero));
        (lines[0].Namespace, lines[0].Pod, lines[0].Container).ShouldBe(("calico-system", "calico-kube-controllers-596576f79-j2pkg", null));
        lines[1].Format.ShouldBe(LogFormat.Plain); // the write-up's "..."
        lines[2].Level.ShouldBe(LogLevel.Error);

        var dials = result.Facts.OfType<LogEvent>().Where(e => e.Kind == LogEventKind.DialFailure).ToList();
        dials.Select(d => (d.Source.Line, d.FailureKind)).ShouldBe([(3, ConnectFailureKind.Timeout), (4, ConnectFailureKind.Timeout)]);
        dials.ShouldAllBe(d => d.Target!.Equals(IPAddress.Parse("10.96.0.1")) && d.Port == 443 && d.Network == "tcp");
        dials[0].Component.ShouldBe("calico-kube-controllers");
        dials[0].Node.ShouldBe("k8s-node1");
        dials[0].Excerpt.ShouldBe("dial tcp 10.96.0.1:443: io timeout");
        dials[0].Source.ShouldBe(new Source("k8s-node1/calico-system/calico-kube-controllers-596576f79-j2pkg.log", 3));
        dials[0].Timestamp.ShouldBe(lines[2].Timestamp);
    }

    [Fact]
    public void Calico_node_of_incident_003_finds_the_network_unreachable()
    {
        var result = Parse("calico-node-7kvkf.log", "node2/kube-system/calico-node-7kvkf.log", "node2");

        result.Facts.OfType<LogLine>().Count().ShouldBe(14);
        var dials = result.Facts.OfType<LogEvent>().ToList();
        dials.Count.ShouldBe(9);
        dials.ShouldAllBe(d => d.Kind == LogEventKind.DialFailure && d.FailureKind == ConnectFailureKind.Unreachable && d.Component == "calico-node");
        dials[0].Source.Line.ShouldBe(6);
        dials[0].TargetEndpoint.ShouldBe("10.96.0.1:443");
    }

    [Fact]
    public void Klog_line_amid_calico_lines_with_no_break_spaces()
    {
        var result = Parse("calico-kube-controllers-7489ff5b7c-6nl5p.log", "admin/kube-system/calico-kube-controllers-7489ff5b7c-6nl5p.log", "admin");

        result.Facts.OfType<LogEvent>().ShouldBeEmpty();
        var klog = result.Facts.OfType<LogLine>().Single(l => l.Source.Line == 3);
        klog.Format.ShouldBe(LogFormat.Klog);
        klog.Level.ShouldBe(LogLevel.Warning);
        klog.Logger.ShouldBe("client_config.go:541");
        klog.TimestampText.ShouldBe("0215 01:25:31.222664");
        klog.Timestamp.ShouldBeNull();
        klog.Message.ShouldStartWith("Neither --kubeconfig nor --master was specified.");
    }

    [Fact]
    public void Python_traceback_folds_into_its_record_and_is_undecodable()
    {
        var result = Parse("calico-policy-controller.log", "qinweiwei-1/kube-system/calico-policy-controller.log", "qinweiwei-1");

        var lines = result.Facts.OfType<LogLine>().ToList();
        lines.Count.ShouldBe(4);
        var error = lines[1];
        error.Format.ShouldBe(LogFormat.Python);
        error.Level.ShouldBe(LogLevel.Error);
        error.ContinuationLines.ShouldBe(8);
        error.Message.ShouldEndWith("JSONDecodeError: Expecting value: line 1 column 1 (char 0)");
        error.Timestamp.ShouldBe(new DateTimeOffset(2017, 7, 5, 9, 5, 32, 408, TimeSpan.Zero));
        lines[2].Source.Line.ShouldBe(11);

        var e = result.Facts.OfType<LogEvent>().ShouldHaveSingleItem();
        e.Kind.ShouldBe(LogEventKind.UndecodableResponse);
        e.Source.Line.ShouldBe(2);
        e.Component.ShouldBe("calico-policy-controller");
        e.Excerpt.ShouldStartWith("JSONDecodeError");
        // The event carries its line's time, so rules can order and date events without joining the line.
        e.Timestamp.ShouldBe(error.Timestamp);
        e.TimestampText.ShouldBe(error.TimestampText);
        e.TimestampText.ShouldNotBeNull();
    }

    [Fact]
    public void Coredns_forward_failures()
    {
        var result = Parse("coredns-errors.log", "n1/kube-system/coredns-5d78c9869d-qx7vb.log", "n1");

        var lines = result.Facts.OfType<LogLine>().ToList();
        lines.Select(l => l.Format).ShouldBe([LogFormat.CoreDns, LogFormat.Plain, LogFormat.Plain, LogFormat.CoreDns, LogFormat.CoreDns]);
        lines[3].Logger.ShouldBe("plugin/errors");
        var dns = result.Facts.OfType<LogEvent>().ToList();
        dns.Select(d => (d.Kind, d.TargetEndpoint, d.FailureKind, d.Source.Line)).ShouldBe([
            (LogEventKind.DnsFailure, "10.96.0.10:53", ConnectFailureKind.Timeout, 4),
            (LogEventKind.DnsFailure, "192.168.21.1:53", ConnectFailureKind.Refused, 5)]);
        dns[0].Component.ShouldBe("coredns");
        dns[0].Network.ShouldBe("udp");
    }

    [Fact]
    public void Previous_log_of_a_container_with_forbidden_unauthorized_undecodable_and_ipv6_refused()
    {
        var result = Parse("controllers-rbac.previous.log", "k8s-node1/kube-system/calico-kube-controllers-6b9fbfff44-x2x7c.calico-kube-controllers.previous.log", "k8s-node1");

        var lines = result.Facts.OfType<LogLine>().ToList();
        lines.ShouldAllBe(l => l.Previous && l.Container == "calico-kube-controllers" && l.Pod == "calico-kube-controllers-6b9fbfff44-x2x7c" && l.Namespace == "kube-system");
        lines.Count.ShouldBe(5);
        lines[3].ContinuationLines.ShouldBe(2);
        lines[4].Level.ShouldBe(LogLevel.Fatal);

        var events = result.Facts.OfType<LogEvent>().Select(e => (e.Kind, e.Source.Line)).ToList();
        events.ShouldBe([
            (LogEventKind.Forbidden, 2),
            (LogEventKind.Unauthorized, 3),
            (LogEventKind.UndecodableResponse, 4),
            (LogEventKind.DialFailure, 7)]);
        var refused = result.Facts.OfType<LogEvent>().Last();
        refused.Target.ShouldBe(IPAddress.Parse("fd00:96::1"));
        refused.FailureKind.ShouldBe(ConnectFailureKind.Refused);
        refused.TargetEndpoint.ShouldBe("[fd00:96::1]:443");
        refused.Component.ShouldBe("calico-kube-controllers");
    }

    [Fact]
    public void Cri_and_kubectl_prefixes_are_stripped()
    {
        var text = "2024-06-12T05:53:38.561234567Z stderr F 2024-06-12 05:53:38.561 [ERROR][1] client.go 295: dial tcp 10.96.0.1:443: connect: no route to host\n[pod/calico-node-abcde/calico-node] 2024-06-12 05:53:39.000 [INFO][9] felix.go 1: ok\n";
        var result = _parser.Parse(new ParseInput("n/var-log-pods.log", "n", text));

        var lines = result.Facts.OfType<LogLine>().ToList();
        lines[0].Format.ShouldBe(LogFormat.Calico);
        lines[1].Pod.ShouldBe("calico-node-abcde");
        lines[1].Container.ShouldBe("calico-node");
        result.Facts.OfType<LogEvent>().Single().FailureKind.ShouldBe(ConnectFailureKind.Unreachable);
    }

    [Theory]
    [InlineData("dial tcp 10.96.0.1:443: i/o timeout", ConnectFailureKind.Timeout)]
    [InlineData("dial tcp 10.96.0.1:443: io timeout", ConnectFailureKind.Timeout)]
    [InlineData("dial tcp 10.96.0.1:443: connect: network is unreachable", ConnectFailureKind.Unreachable)]
    [InlineData("dial tcp 10.96.0.1:443: connect: connection refused", ConnectFailureKind.Refused)]
    [InlineData("dial tcp 10.96.0.1:443: connect: permission denied", ConnectFailureKind.Other)]
    public void Dial_failure_kinds(string message, ConnectFailureKind expected)
    {
        var result = _parser.Parse(new ParseInput("n/ns/p.log", "n", $"E1127 10:25:17.123456       1 main.go:1] {message}\n"));
        result.Facts.OfType<LogEvent>().Single().FailureKind.ShouldBe(expected);
    }

    [Theory]
    [InlineData("took 401ms to sync")]
    [InlineData("dial tcp 10.96.0:443: i/o timeout")]
    [InlineData("retrying in 403 seconds")]
    public void No_event_from_lookalikes(string message) =>
        _parser.Parse(new ParseInput("n/ns/p.log", "n", $"I1127 10:25:17.123456       1 main.go:1] {message}\n")).Facts.OfType<LogEvent>().ShouldBeEmpty();

    [Theory]
    [InlineData("n1/kube-system/calico-node-abcde.log", "", 100)]
    [InlineData("x.txt", "2024-02-16 04:58:08.483 [INFO][8] startup.go 259: a\n2024-02-16 04:58:08.483 [INFO][8] startup.go 275: b\n", 60)]
    [InlineData("x.txt", "Kernel IP routing table\n", 0)]
    public void Sniffs(string name, string head, int expected) => _parser.Sniff(name, head).ShouldBe(expected);

    [Fact]
    public void Calico_node_start_up_gives_its_own_auto_detected_address_and_the_node_that_already_claims_it()
    {
        var result = Parse("calico-node-address-taken.log", "paste/calico-node.log", "paste");

        result.Problems.ShouldBeEmpty();
        var nodes = result.Facts.OfType<CalicoNode>().ToList();
        nodes.Select(n => (n.Name, n.Ipv4Address.ToString(), n.Source.Line)).ShouldBe(
        [
            ("devops-node01", "172.18.0.1/16", 7),   // "Using autodetected IPv4 address on interface br-…" after "Building new node resource Name=…"
            ("devops-master03", "172.18.0.1/32", 9), // "Calico node 'devops-master03' is already using the IPv4 address 172.18.0.1."
        ]);
        nodes.ShouldAllBe(n => n.Ipv6Address == null);
    }

    [Fact]
    public void An_auto_detected_address_without_a_node_name_in_the_log_gives_no_node()
    {
        var text = "2018-01-22 07:16:35.052 [INFO][9] startup.go 483: Using autodetected IPv4 address on interface eth0: 10.0.0.4/24\n";

        var result = _parser.Parse(new ParseInput("n/calico-node.log", "n", text));

        result.Facts.OfType<CalicoNode>().ShouldBeEmpty();
        result.Facts.OfType<LogLine>().ShouldHaveSingleItem();
    }

    [Fact]
    public void A_calico_line_quoted_without_its_timestamp_is_still_a_calico_record()
    {
        var text = FixtureFiles.Parser("Logs", "felix-loose-rpf-unstamped.txt");
        _parser.Sniff("paste-1.txt", text).ShouldBe(30);

        var result = Parse("felix-loose-rpf-unstamped.txt", "paste/paste-1.txt", "paste");

        var line = result.Facts.OfType<LogLine>().ShouldHaveSingleItem();
        (line.Format, line.Level, line.Logger, line.Timestamp).ShouldBe((LogFormat.Calico, LogLevel.Fatal, "int_dataplane.go 824", (DateTimeOffset?)null));
        line.Message.ShouldStartWith("Kernel's RPF check is set to 'loose'.");
    }

    [Fact]
    public void The_python_felix_layout_keeps_its_traceback_in_the_record()
    {
        var result = Parse("felix-python-loose-rpf.log", "node/felix.log", "node");

        result.Problems.ShouldBeEmpty();
        var lines = result.Facts.OfType<LogLine>().ToList();
        lines.Select(l => (l.Source.Line, l.Level, l.Logger, l.ContinuationLines)).ShouldBe(
            [(1, LogLevel.Fatal, "calico.felix.devices 70", 0), (2, LogLevel.Error, "calico.felix.felix 259", 6)]);
        lines.ShouldAllBe(l => l.Format == LogFormat.Python);
        lines[0].Timestamp.ShouldBe(new DateTimeOffset(2016, 7, 28, 18, 19, 24, 684, TimeSpan.Zero));
        lines[1].Message.ShouldEndWith("BadKernelConfig: net.ipv4.conf.all.rp_filter set to 'loose'");
    }
}
