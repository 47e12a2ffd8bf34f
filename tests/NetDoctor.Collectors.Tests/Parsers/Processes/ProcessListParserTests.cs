using NetDoctor.Collectors.Parsers.Processes;
using NetDoctor.Collectors.Parsing;
using NetDoctor.Collectors.Tests.Robustness;
using NetDoctor.Facts;

namespace NetDoctor.Collectors.Tests.Parsers.Processes;

public class ProcessListParserTests
{
    private readonly ProcessListParser _parser = new();

    private ParseResult Parse(string file, string node) => _parser.Parse(ParserFixture.Input("Processes", file, $"{node}/processes.txt", node));

    [Fact]
    public void Ps_ef_of_incident_003_gives_the_apiserver_flags_and_skips_grep()
    {
        // The pasted lines carry no-break spaces between columns, as copied from the incident page.
        var result = Parse("ps-ef-apiserver-003.txt", "admin");

        result.Problems.ShouldBeEmpty();
        var apiserver = result.Facts.OfType<ComponentSettings>().ShouldHaveSingleItem();
        apiserver.Component.ShouldBe(ComponentKind.KubeApiServer);
        apiserver.Pid.ShouldBe(2939);
        apiserver.Node.ShouldBe("admin");
        apiserver.Get("service-cluster-ip-range").ShouldBe("10.96.0.0/12");
        apiserver.Get("advertise-address").ShouldBe("192.168.56.3");
        apiserver.Get("insecure-port").ShouldBe("0");
        apiserver.Settings["secure-port"].Source.ShouldBe(new Source("admin/processes.txt", 3));
        apiserver.Settings["secure-port"].Origin.ShouldBe(SettingOrigin.Flag);
    }

    [Fact]
    public void Ps_aux_kube_proxy_without_cluster_cidr_as_in_incident_004()
    {
        var result = Parse("ps-auxww-004.txt", "node-10.19.136.10");

        var settings = result.Facts.OfType<ComponentSettings>().ToList();
        settings.Select(s => s.Component).ShouldBe([ComponentKind.Kubelet, ComponentKind.KubeProxy]);
        settings[0].ConfigFile.ShouldBe("/var/lib/kubelet/config.yaml");
        var proxy = settings[1];
        proxy.Pid.ShouldBe(2301);
        proxy.Get("proxy-mode").ShouldBe("ipvs");
        proxy.Get("hostname-override").ShouldBe("10.19.136.10");
        proxy.Get("masquerade-all").ShouldBe("false");
        proxy.Get("v").ShouldBe("2");
        proxy.Settings.ContainsKey("cluster-cidr").ShouldBeFalse();
        proxy.ConfigFile.ShouldBeNull();
        proxy.Source.Line.ShouldBe(4);
    }

    [Fact]
    public void Nul_separated_cmdline_dump_keeps_words_exact()
    {
        var result = Parse("cmdline-nul.txt", "n1");

        var settings = result.Facts.OfType<ComponentSettings>().ToList();
        settings.Select(s => (s.Component, s.Source.Line)).ShouldBe([(ComponentKind.KubeProxy, 1), (ComponentKind.CalicoNode, 2), (ComponentKind.KubeProxy, 3)]);
        settings[0].Get("cluster-cidr").ShouldBe("10.20.0.0/16");
        settings[0].Get("hostname-override").ShouldBe("10.19.136.11");
        settings[1].Get("felix").ShouldBe("true");
        settings[2].ConfigFile.ShouldBe("/var/lib/kube-proxy/config.conf");
        settings[2].Get("cluster-cidr").ShouldBe("172.16.128.0/17,fd00:10:244::/56");
    }

    [Fact]
    public void One_word_per_line_dump_behind_hyperkube()
    {
        var result = Parse("cmdline-per-line.txt", "n1");

        var proxy = result.Facts.OfType<ComponentSettings>().ShouldHaveSingleItem();
        proxy.Component.ShouldBe(ComponentKind.KubeProxy);
        proxy.Get("masquerade-all").ShouldBe("true");
        proxy.Get("cluster-cidr").ShouldBe("10.244.0.0/16");
        proxy.Settings["cluster-cidr"].Source.Line.ShouldBe(6);
    }

    [Theory]
    [InlineData("real-ps-ef.txt", 2201)]
    [InlineData("real-ps-auxww.txt", 2201)]
    [InlineData("real-ps-eo-pid-args.txt", 5399)] // what `netdoctor collect` used to run: the PID is the first column
    [InlineData("real-proc-cmdline.txt", null)]
    public void Real_captures_of_a_process_presenting_as_kube_proxy(string file, int? pid)
    {
        // capture-processes.sh: ps and /proc output of bash started with argv[0] = /usr/local/bin/kube-proxy.
        var result = Parse(file, "lab");

        result.Problems.ShouldBeEmpty();
        var proxy = result.Facts.OfType<ComponentSettings>().ShouldHaveSingleItem();
        proxy.Component.ShouldBe(ComponentKind.KubeProxy);
        proxy.Pid.ShouldBe(pid);
        proxy.Get("proxy-mode").ShouldBe("ipvs");
        proxy.Get("hostname-override").ShouldBe("10.19.136.10");
        proxy.Get("masquerade-all").ShouldBe("false");
        proxy.Settings.ContainsKey("cluster-cidr").ShouldBeFalse();
        proxy.Source.Line.ShouldBe(pid is null ? 1 : 2);
    }

    [Fact]
    public void Bare_command_lines_and_quoted_values()
    {
        var text = "kube-proxy --cluster-cidr='10.244.0.0/16' --proxy-mode ipvs\nsshd: root@pts/0\n";
        var proxy = _parser.Parse(new ParseInput("n/processes.txt", "n", text)).Facts.OfType<ComponentSettings>().Single();

        proxy.Get("cluster-cidr").ShouldBe("10.244.0.0/16");
        proxy.Get("proxy-mode").ShouldBe("ipvs");
        proxy.Pid.ShouldBeNull();
    }

    [Theory]
    [InlineData("n/processes.txt", "", 100)]
    [InlineData("ps.txt", "UID        PID  PPID  C STIME TTY          TIME CMD\nroot 1 0 0 09:59 ? 00:00:01 kube-proxy --v=2\n", 90)]
    [InlineData("ps.txt", "hello\n", 0)]
    [InlineData("paste-4.txt", "[root@admin ~ ]$ps -ef|grep proxy\nroot      2939  2885  1 09:59 ?        00:04:00 /usr/local/bin/kube-proxy --v=2\n", 80)]
    [InlineData("paste-4.txt", "root      2939  2885  1 09:59 ?        00:04:00 nginx --kube-proxy-like-flag\n", 0)]
    public void Sniffs(string name, string head, int expected) => _parser.Sniff(name, head).ShouldBe(expected);

    [Fact]
    public void Ps_ef_piped_through_grep_without_its_header_is_read_from_the_row_shape()
    {
        // seed incident 003 as pasted: the prompt, grep's own row, then kube-apiserver's row; no header line.
        var text = FixtureFiles.Parser("Processes", "ps-ef-grep-apiserver-003-pasted.txt");
        _parser.Sniff("paste-4.txt", text).ShouldBe(80);
        var r = _parser.Parse(new ParseInput("admin/paste-4.txt", "admin", text));
        r.Problems.ShouldBeEmpty();
        var api = r.Facts.OfType<ComponentSettings>().Single();
        api.Get("service-cluster-ip-range").ShouldBe("10.96.0.0/12");
        api.Pid.ShouldBe(2939);
        api.Source.Line.ShouldBe(3);
    }
}
