using System.Formats.Tar;
using System.IO.Compression;
using System.Net;
using NetDoctor.Collectors.Bundles;
using NetDoctor.Collectors.Live;
using NetDoctor.Collectors.Tests.Bundles;
using NetDoctor.Facts;
using Xunit.Abstractions;

namespace NetDoctor.Collectors.Tests.Live;

/// <summary>
/// End to end on a real kernel: a throw-away network namespace gets an interface, an address, a route, an ipset and an
/// iptables rule; the live collector runs inside it (every command behind `ip netns exec`), writes a .tar.gz, and the
/// bundle reader must find exactly those facts again. The namespace is deleted in finally; the host is never touched.
/// </summary>
public class LiveNetnsTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [FactWhenRoot]
    public async Task Collects_a_namespace_and_reads_the_same_facts_back()
    {
        string ns = "nd" + Guid.NewGuid().ToString("N")[..10];
        var host = new ProcessCommandRunner();
        using var dir = new TempDir();
        try
        {
            await Run(host, "ip", "netns", "add", ns);
            await Run(host, "ip", "-n", ns, "link", "set", "lo", "up");
            // A veth pair with both ends inside the namespace (the dummy module is not available everywhere).
            await Run(host, "ip", "-n", ns, "link", "add", "nd0", "type", "veth", "peer", "name", "nd1");
            await Run(host, "ip", "-n", ns, "link", "set", "nd1", "up");
            await Run(host, "ip", "-n", ns, "link", "set", "nd0", "up");
            await Run(host, "ip", "-n", ns, "addr", "add", "10.123.45.1/24", "dev", "nd0");
            await Run(host, "ip", "-n", ns, "route", "add", "10.200.0.0/16", "via", "10.123.45.254", "dev", "nd0");
            await Run(host, "ip", "netns", "exec", ns, "ipset", "create", "ndpods", "hash:net");
            await Run(host, "ip", "netns", "exec", ns, "ipset", "add", "ndpods", "10.244.0.0/16");
            await Run(host, "ip", "netns", "exec", ns, "iptables", "-t", "nat", "-A", "POSTROUTING", "-m", "set", "--match-set", "ndpods", "src",
                "!", "-d", "10.244.0.0/16", "-m", "comment", "--comment", "nd live test", "-j", "MASQUERADE");

            string archive = dir.Combine("ndlive.tar.gz");
            var result = await new LiveCollector(new ProcessCommandRunner(["ip", "netns", "exec", ns]))
                .CollectAsync(new CollectOptions { OutputPath = archive, NoCluster = true, NodeName = "ndlive", CollectContainerLogs = false, CommandTimeout = Timeout });
            foreach (var c in result.Commands) output.WriteLine($"{c.Id}: {c.Status} {c.Reason}");

            var facts = BundleReader.Read([archive]);
            foreach (var p in facts.Problems) output.WriteLine($"problem: {p}");

            facts.Inputs.Single().Layout.ShouldBe("netdoctor");
            facts.Inputs.Single().Nodes.ShouldBe(["ndlive"]);
            facts.OfType<InterfaceAddress>().ShouldContain(a => a.Node == "ndlive" && a.Interface == "nd0" && a.Address == Cidr.Parse("10.123.45.1/24"));
            var route = facts.OfType<Route>().Single(r => r.Destination == Cidr.Parse("10.200.0.0/16"));
            route.Gateway.ShouldBe(IPAddress.Parse("10.123.45.254"));
            route.Device.ShouldBe("nd0");
            route.Node.ShouldBe("ndlive");
            route.Source.File.ShouldBe("ndlive/ip-route.txt");
            facts.OfType<IpSet>().ShouldContain(s => s.Name == "ndpods" && s.Node == "ndlive");
            facts.OfType<IpSetMember>().ShouldContain(m => m.Set == "ndpods" && m.Cidr == Cidr.Parse("10.244.0.0/16"));
            var rule = facts.OfType<IptablesRule>().Single(r => r.Text.Contains("ndpods"));
            (rule.Table, rule.Chain, rule.Node).ShouldBe(("nat", "POSTROUTING", "ndlive"));
            rule.Source.File.ShouldStartWith("ndlive/iptables-");
            facts.Problems.ShouldBeEmpty();

            result.Commands.Single(c => c.Id == "ip-route").ShouldSatisfyAllConditions(
                c => c.Status.ShouldBe("ok"),
                c => c.File.ShouldBe("ndlive/ip-route.txt"),
                c => c.ExitCode.ShouldBe(0));
            string manifest = ReadEntry(archive, "manifest.yaml");
            manifest.ShouldContain($"commandPrefix: ip netns exec {ns}");
            manifest.ShouldContain("node: ndlive");
            manifest.ShouldContain("file: ndlive/ipset-list.txt");
        }
        finally
        {
            await host.RunAsync(new CommandSpec("ip", ["netns", "del", ns], Timeout), default);
        }
        (await host.RunAsync(new CommandSpec("ip", ["netns", "list"], Timeout), default)).Stdout.ShouldNotContain(ns);
    }

    private async Task Run(ICommandRunner runner, string executable, params string[] args)
    {
        var result = await runner.RunAsync(new CommandSpec(executable, args, Timeout), default);
        result.Succeeded.ShouldBeTrue($"{executable} {string.Join(' ', args)}: {result.Reason} {result.Stderr}");
    }

    /// <summary>The last entry of that name, as tar extracts it (the manifest is written first and again last).</summary>
    private static string ReadEntry(string archive, string name)
    {
        using var file = File.OpenRead(archive);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var tar = new TarReader(gzip);
        string? last = null;
        while (tar.GetNextEntry() is { } entry)
        {
            if (entry.Name.EndsWith("/" + name, StringComparison.Ordinal) && entry.DataStream is not null)
                last = new StreamReader(entry.DataStream).ReadToEnd();
        }

        return last ?? throw new FileNotFoundException(name);
    }
}
