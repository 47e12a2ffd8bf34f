using System.Net;
using NetDoctor.Collectors.Parsers.Logs;
using NetDoctor.Collectors.Parsing;
using NetDoctor.Facts;

namespace NetDoctor.Collectors.Tests.Parsers.Logs;

/// <summary>
/// The API server's own log of what it refused, from real pastes (Fixtures/README.md): whichever wrapper carries the log,
/// a refusal is a <see cref="LogEvent"/> with its status and what the line says of the caller — user, agent, address.
/// </summary>
public class ApiServerRefusalTests
{
    private static List<LogEvent> Events(IFormatParser parser, string file, string path) =>
        parser.Parse(ParserFixture.Input("Logs", file, path, "master1")).Facts.OfType<LogEvent>().ToList();

    [Fact]
    public void Expired_service_account_tokens_are_401s_of_the_api_server()
    {
        var events = Events(new ContainerLogParser(), "kube-apiserver-authn.log", "master1/kube-system/kube-apiserver-master1.log");

        events.Select(e => e.Source.Line).ShouldBe([1, 2, 3, 4, 5, 7]);
        events.ShouldAllBe(e => e.Kind == LogEventKind.Unauthorized && e.StatusCode == 401 && e.Component == "kube-apiserver" && e.Level == LogLevel.Error);
        events[0].Excerpt.ShouldContain("service account token has expired");
    }

    [Fact]
    public void A_401_in_the_request_log_names_the_agent_and_the_address_it_came_from()
    {
        var events = Events(new ContainerLogParser(), "kube-apiserver-401-policy-controller.log", "master1/kube-system/kube-apiserver-master1.log");

        events.Count.ShouldBe(2);
        events[0].ShouldSatisfyAllConditions(
            e => (e.Kind, e.StatusCode, e.Source.Line).ShouldBe((LogEventKind.Unauthorized, (int?)401, 1)),
            e => e.UserAgent.ShouldBe("python-requests/2.9.1"),
            e => e.Client.ShouldBe(IPAddress.Parse("10.36.15.21")));
        events[1].Excerpt.ShouldContain("crypto/rsa: verification error");
    }

    [Fact]
    public void Rbac_denials_name_the_service_account_and_200s_are_not_refusals()
    {
        var events = Events(new ContainerLogParser(), "kube-apiserver-rbac-deny.log", "master1/kube-system/kube-apiserver-master1.log");

        events.Select(e => (e.Source.Line, e.Kind, e.StatusCode)).ShouldBe([
            (1, LogEventKind.Forbidden, (int?)403), (2, LogEventKind.Forbidden, 403), (5, LogEventKind.Forbidden, 403),
        ]);
        events[0].ServiceAccount.ShouldBe("kube-networking/canal");
        events[0].Summary.ShouldContain("serviceaccount kube-networking/canal");
        (events[1].UserAgent, events[1].Client).ShouldBe(("Go-http-client/2.0", IPAddress.Parse("10.0.103.176")));
    }

    [Fact]
    public void An_rbac_denial_read_from_the_journal_of_a_kube_apiserver_service()
    {
        var e = Events(new JournalctlParser(), "journalctl-apiserver-rbac.txt", "master/journal.txt").Single();

        (e.Kind, e.StatusCode, e.Component, e.ServiceAccount, e.Source.Line).ShouldBe((LogEventKind.Forbidden, (int?)403, "kube-apiserver", "kube-system/default", 1));
    }

    [Fact]
    public void The_client_side_forbidden_message_names_its_user_too()
    {
        var forbidden = Events(new ContainerLogParser(), "controllers-rbac.previous.log", "k8s-node1/kube-system/calico-kube-controllers-6b9fbfff44-x2x7c.calico-kube-controllers.previous.log")
            .Single(e => e.Kind == LogEventKind.Forbidden);

        forbidden.ServiceAccount.ShouldBe("kube-system/calico-kube-controllers");
        forbidden.StatusCode.ShouldBeNull();
    }

    [Fact]
    public void Request_log_lines_of_newer_api_servers()
    {
        // httplog's structured line (kube-apiserver -v=3 and up), as klog writes it.
        const string line = "I0722 10:08:16.010134       1 httplog.go:132] \"HTTP\" verb=\"LIST\" URI=\"/api/v1/namespaces?limit=500&resourceVersion=0\" latency=\"1.061238ms\" userAgent=\"kube-controllers/v0.0.0 (linux/amd64) kubernetes/$Format\" audit-ID=\"5d0b1c94-6d0e-4f0f-9d9e-4d3f1f8f6b0a\" srcIP=\"10.244.1.3:45848\" resp=403\n";

        var e = new ContainerLogParser().Parse(new ParseInput("kube-system/kube-apiserver-cp01.log", "cp01", line)).Facts.OfType<LogEvent>().Single();

        (e.Kind, e.StatusCode, e.UserAgent, e.Client).ShouldBe((LogEventKind.Forbidden, (int?)403, "kube-controllers/v0.0.0 (linux/amd64) kubernetes/$Format", IPAddress.Parse("10.244.1.3")));
    }
}
