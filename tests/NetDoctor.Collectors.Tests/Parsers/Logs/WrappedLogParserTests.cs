using NetDoctor.Collectors.Parsers.Logs;
using NetDoctor.Collectors.Parsing;
using NetDoctor.Facts;

namespace NetDoctor.Collectors.Tests.Parsers.Logs;

/// <summary>
/// Logs in their runtime's wrapping give the same facts as the same lines read plain, with each fact's source the
/// wrapper file's line. Fixtures: real log lines wrapped by wrap-logs.py exactly as containerd, Docker and svlogd write them,
/// and real pastes (sources in Fixtures/README.md).
/// </summary>
public class WrappedLogParserTests
{
    private static ParseResult Parse(IFormatParser parser, string file, string path, string? node = "k8s01") =>
        parser.Parse(ParserFixture.Input("Logs", file, path, node));

    private static List<Fact> Plain(string file, string path) => Parse(new ContainerLogParser(), file, path).Facts;

    [Fact]
    public void Cri_log_of_calico_node_gives_the_facts_of_the_plain_log_at_the_same_lines()
    {
        const string path = "admin/kube-system/calico-node-7kvkf.log";
        var cri = Parse(new CriLogParser(), "cri-calico-node-0.log", path);

        cri.Problems.ShouldBeEmpty();
        cri.Facts.ShouldBe(Plain("calico-node-7kvkf.log", path));
        var dials = cri.Facts.OfType<LogEvent>().ToList();
        dials.Count.ShouldBe(9);
        dials[0].ShouldSatisfyAllConditions(
            d => d.Source.ShouldBe(new Source(path, 6)),
            d => d.TargetEndpoint.ShouldBe("10.96.0.1:443"),
            d => d.FailureKind.ShouldBe(ConnectFailureKind.Unreachable),
            d => d.Component.ShouldBe("calico-node"));
    }

    [Fact]
    public void Cri_log_under_the_kubelet_path_takes_namespace_pod_and_container_from_it()
    {
        var cri = Parse(new CriLogParser(), "cri-calico-node-0.log", "var/log/pods/kube-system_calico-node-7kvkf_0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b/calico-node/0.log");

        cri.Facts.OfType<LogLine>().ShouldAllBe(l => l.Namespace == "kube-system" && l.Pod == "calico-node-7kvkf" && l.Container == "calico-node");
    }

    [Fact]
    public void Cri_partial_lines_are_joined_into_one_record_at_the_first_piece()
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Parsers", "Logs", "Fixtures", "cri-calico-kube-controllers-split-0.log"));
        var cri = Parse(new CriLogParser(), "cri-calico-kube-controllers-split-0.log", "k8s-node01/calico-system/calico-kube-controllers-596576f79-j2pkg.log");

        cri.Problems.ShouldBeEmpty();
        var records = cri.Facts.OfType<LogLine>().ToList();
        records.Count.ShouldBe(3);
        // Each record starts at a "P" line (the messages are longer than the 128 bytes containerd was told to keep).
        records.Select(r => lines[r.Source.Line - 1].Split(' ')[2]).ShouldBe(["P", "P", "P"]);
        records[0].Message.ShouldEndWith("Kubeconfig:\"\", DatastoreType:\"kubernetes\"}");
        records[0].Format.ShouldBe(LogFormat.Calico);
        var dial = cri.Facts.OfType<LogEvent>().First(e => e.Kind == LogEventKind.DialFailure);
        (dial.Source.Line, dial.TargetEndpoint, dial.FailureKind).ShouldBe((records[1].Source.Line, "10.96.0.1:443", ConnectFailureKind.Timeout));
    }

    [Fact]
    public void Pasted_cri_lines_with_their_command_line_and_an_offset_time()
    {
        var cri = Parse(new CriLogParser(), "cri-kube-router-paste.txt", "paste-2.txt");

        cri.Problems.ShouldBeEmpty();
        cri.Facts.OfType<LogLine>().Select(l => (l.Source.Line, l.Format)).ShouldBe([(2, LogFormat.Klog), (3, LogFormat.Klog), (4, LogFormat.Klog)]);
        cri.Facts.OfType<LogEvent>().Select(e => (e.Source.Line, e.TargetEndpoint, e.FailureKind))
            .ShouldBe([(3, "10.96.0.1:443", ConnectFailureKind.Timeout), (4, "10.96.0.1:443", ConnectFailureKind.Timeout)]);
    }

    [Fact]
    public void Docker_json_file_log_of_kube_proxy_gives_the_facts_of_the_plain_log()
    {
        const string path = "k8s01/kube-system/kube-proxy-bodsy.log";
        var docker = Parse(new DockerJsonLogParser(), "docker-kube-proxy-json.log", path);

        docker.Problems.ShouldBeEmpty();
        docker.Facts.ShouldBe(Plain("kube-proxy-bodsy.log", path));
        docker.Facts.OfType<LogEvent>().Select(e => (e.Source.Line, e.TargetEndpoint, e.FailureKind, e.Component))
            .ShouldBe([(2, "10.0.0.1:443", ConnectFailureKind.Timeout, "kube-proxy"), (4, "10.0.0.1:443", ConnectFailureKind.Timeout, "kube-proxy")]);
    }

    [Fact]
    public void Docker_entries_of_a_split_message_are_joined_and_escapes_undone()
    {
        // Docker cuts a message at 16 KiB and ends only the last piece with "\n"; the pieces here are short to stay readable.
        const string text =
            "{\"log\":\"E0927 02:46:21.189588       1 server.go:369] Can't get Node \\\"ralphk8s-node-3\\\", assuming \",\"stream\":\"stderr\",\"time\":\"2016-09-27T02:46:21.1897Z\"}\n" +
            "{\"log\":\"iptables proxy, err: Get https://10.0.0.1:443/api/v1/nodes/ralphk8s-node-3?a=1\\u0026b=2: \",\"stream\":\"stderr\",\"time\":\"2016-09-27T02:46:21.1898Z\"}\n" +
            "{\"log\":\"dial tcp 10.0.0.1:443: i/o timeout\\n\",\"stream\":\"stderr\",\"time\":\"2016-09-27T02:46:21.1899Z\"}\n" +
            "{\"log\":\"I0927 02:46:21.191739       1 server.go:203] Using iptables Proxier.\\n\",\"stream\":\"stderr\",\"time\":\"2016-09-27T02:46:21.19Z\"}\n";

        var docker = new DockerJsonLogParser().Parse(new ParseInput("k8s01/kube-proxy.log", "k8s01", text));

        docker.Problems.ShouldBeEmpty();
        var records = docker.Facts.OfType<LogLine>().ToList();
        records.Select(r => r.Source.Line).ShouldBe([1, 4]);
        records[0].Message.ShouldContain("?a=1&b=2: dial tcp 10.0.0.1:443: i/o timeout");
        docker.Facts.OfType<LogEvent>().Single().Source.Line.ShouldBe(1);
    }

    [Fact]
    public void Svlogd_felix_log_gives_the_facts_of_the_plain_lines_with_felix_as_component()
    {
        const string path = "diagnostics/logs/felix/current";
        var svlogd = Parse(new SvlogdLogParser(), "svlogd-felix-current", path);

        svlogd.Problems.ShouldBeEmpty();
        svlogd.Facts.ShouldBe(Plain("felix-katalyst.log", path));
        var dial = svlogd.Facts.OfType<LogEvent>().Single();
        (dial.Source, dial.TargetEndpoint, dial.FailureKind, dial.Component).ShouldBe((new Source(path, 1), "172.23.192.1:443", ConnectFailureKind.Refused, "felix"));
        svlogd.Facts.OfType<LogLine>().ShouldAllBe(l => l.Container == "felix" && l.Pod == null && l.Namespace == null);
    }

    [Fact]
    public void Svlogd_time_stamps_in_all_three_styles()
    {
        var text = "2024-06-10_08:58:52.20141 2024-06-10 08:58:52.201 [INFO][61] felix/a.go 1: x\n" +
                   "2024-06-10T08:58:52.20141 2024-06-10 08:58:52.201 [INFO][61] felix/a.go 2: y\n" +
                   "@4000000066663f8e0c0b5e2c 2024-06-10 08:58:52.201 [INFO][61] felix/a.go 3: z\n";

        var svlogd = new SvlogdLogParser().Parse(new ParseInput("logs/felix/current", null, text));

        svlogd.Problems.ShouldBeEmpty();
        svlogd.Facts.OfType<LogLine>().Select(l => l.Logger).ShouldBe(["felix/a.go 1", "felix/a.go 2", "felix/a.go 3"]);
    }

    [Fact]
    public void Journalctl_short_format_of_kube_proxy_with_its_header()
    {
        var journal = Parse(new JournalctlParser(), "journalctl-kube-proxy.txt", "kube-proxy-journal.txt");

        journal.Problems.ShouldBeEmpty();
        journal.Facts.OfType<LogLine>().ShouldAllBe(l => l.Container == "kube-proxy" && l.Format == LogFormat.Klog);
        journal.Facts.OfType<LogEvent>().Select(e => (e.Source.Line, e.TargetEndpoint, e.FailureKind, e.Component)).ShouldBe([
            (2, "192.168.10.1:8080", ConnectFailureKind.Refused, "kube-proxy"),
            (3, "192.168.10.1:8080", ConnectFailureKind.Refused, "kube-proxy"),
            (4, "192.168.10.1:8080", ConnectFailureKind.Refused, "kube-proxy"),
        ]);
    }

    [Fact]
    public void Journalctl_short_iso_gives_the_same_facts_as_the_short_format()
    {
        static string Describe(Fact f) => f is LogEvent e ? $"{e.Source.Line} {e.Summary}" : f is LogLine l ? $"{l.Source.Line} {l.Message}" : "";

        var shortFormat = Parse(new JournalctlParser(), "journalctl-kube-proxy.txt", "journal.txt");
        var iso = Parse(new JournalctlParser(), "journalctl-short-iso-kube-proxy.txt", "journal.txt");

        iso.Problems.ShouldBeEmpty();
        iso.Facts.Select(Describe).ShouldBe(shortFormat.Facts.Select(Describe));
    }

    [Fact]
    public void Journalctl_pasted_with_its_prompt_and_lines_cut_at_the_terminal_width()
    {
        var journal = Parse(new JournalctlParser(), "journalctl-kubelet.txt", "kubelet.txt");

        journal.Problems.ShouldBeEmpty();
        journal.Facts.OfType<LogLine>().Select(l => (l.Source.Line, l.Container, l.Logger))
            .ShouldBe([(3, "kubelet", "pod_container_deletor.go:79"), (4, "kubelet", "reconciler.go:342"), (5, "kubelet", "status_manager.go:674"), (6, "kubelet", "reconciler.go:254")]);
    }

    [Fact]
    public void Journalctl_in_a_chinese_locale()
    {
        var journal = Parse(new JournalctlParser(), "journalctl-zh-kube-proxy.txt", "journal.txt");

        journal.Problems.ShouldBeEmpty();
        journal.Facts.OfType<LogLine>().Count().ShouldBe(6);
        journal.Facts.OfType<LogLine>().ShouldAllBe(l => l.Container == "kube-proxy" && l.Level == LogLevel.Error);
    }

    [Fact]
    public void Indented_journal_lines_continue_the_entry_above()
    {
        const string text = "Feb 08 10:08:45 node1 calico-node[812]: 2018-02-08 10:08:45,133 5 ERROR Unhandled exception killed Namespace manager\n" +
                            "                                        Traceback (most recent call last):\n" +
                            "                                          File \"<string>\", line 295, in _manage_resource\n" +
                            "Feb 08 10:08:46 node1 calico-node[812]: 2018-02-08 10:08:46,001 5 INFO Restarting\n";

        var journal = new JournalctlParser().Parse(new ParseInput("journal.txt", null, text));

        journal.Problems.ShouldBeEmpty();
        var records = journal.Facts.OfType<LogLine>().ToList();
        records.Select(r => (r.Source.Line, r.ContinuationLines)).ShouldBe([(1, 2), (4, 0)]);
    }

    [Fact]
    public void Kubectl_logs_with_timestamps_reads_like_the_plain_log()
    {
        // `kubectl logs --timestamps` / `docker logs -t` put the runtime's time first.
        var plain = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Parsers", "Logs", "Fixtures", "kube-proxy-bodsy.log"));
        var stamped = string.Join('\n', plain.Select((l, i) => $"2016-09-27T02:46:{21 + i:00}.18971{i}456Z {l}")) + "\n";

        var result = new ContainerLogParser().Parse(new ParseInput("k8s01/kube-system/kube-proxy-bodsy.log", "k8s01", stamped));

        result.Facts.ShouldBe(Plain("kube-proxy-bodsy.log", "k8s01/kube-system/kube-proxy-bodsy.log"));
    }
}
