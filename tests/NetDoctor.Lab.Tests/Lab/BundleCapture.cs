using NetDoctor.Lab.Tests.Lab.Calico;

namespace NetDoctor.Lab.Tests.Lab;

/// <summary>The lab's own capture of one node's live state into the bundle layout of CONTRACTS §3 (same file names as
/// `netdoctor collect`): every file is real command output from inside the node's namespace.</summary>
public static class BundleCapture
{
    private static readonly string[] Sysctls =
    [
        "net.ipv4.ip_forward", "net.ipv4.conf.all.rp_filter", "net.ipv4.conf.default.rp_filter", "net.ipv4.conf.all.forwarding",
        "net.ipv4.conf.all.proxy_arp", "net.ipv4.conf.all.route_localnet", "net.ipv4.vs.conntrack",
    ];

    public static async Task<IReadOnlyList<string>> CaptureNodeAsync(LabHost node, BirdDaemon? bird, string bundleDirectory)
    {
        var dir = Directory.CreateDirectory(Path.Combine(bundleDirectory, node.Role)).FullName;
        var written = new List<string>();
        async Task Save(string file, CommandResult result)
        {
            if (!result.Succeeded && result.StdOut.Length == 0) return;
            await File.WriteAllTextAsync(Path.Combine(dir, file), result.StdOut);
            written.Add($"{node.Role}/{file}");
        }

        await Save("ip-addr.txt", await node.RunAsync(["ip", "addr"]));
        await Save("ip-route.txt", await node.RunAsync(["ip", "route", "show", "table", "all"]));
        await Save("ip-rule.txt", await node.RunAsync(["ip", "rule"]));
        await Save("ip-link.txt", await node.RunAsync(["ip", "link"]));
        var iptables = await node.RunAsync(["iptables-save", "-c"]);
        await Save(iptables.StdOut.Contains("nf_tables") ? "iptables-nft-save.txt" : "iptables-legacy-save.txt", iptables);
        await Save("ipset-list.txt", await node.RunAsync(["ipset", "list"]));
        await Save("nft-ruleset.txt", await node.RunAsync(["nft", "list", "ruleset"]));
        var sysctl = await node.RunAsync(new[] { "sysctl" }.Concat(Sysctls));
        await Save("sysctl.txt", sysctl with { ExitCode = 0 });
        if (bird is not null)
        {
            var protocols = await bird.ShowProtocolsAsync();
            await File.WriteAllTextAsync(Path.Combine(dir, "bird-protocols.txt"), protocols);
            await File.WriteAllTextAsync(Path.Combine(dir, "calico-node-status.txt"), CalicoNodeStatus.Render(protocols));
            written.AddRange([$"{node.Role}/bird-protocols.txt", $"{node.Role}/calico-node-status.txt"]);
        }
        return written;
    }

    /// <summary>manifest.yaml of a lab-captured bundle: what was captured from real namespaces (and how), what the scenario supplied,
    /// what is emulated; with the collector's own manifest of every node kept verbatim.</summary>
    public static Task WriteManifestAsync(string bundleDirectory, string scenario, IEnumerable<string> nodes, IEnumerable<string> captured,
        IEnumerable<string> supplied, IEnumerable<string> emulated, string capturedWith, IReadOnlyDictionary<string, string> collectManifests)
    {
        static string List(IEnumerable<string> items) => items.Any() ? string.Concat(items.Order().Select(i => $"\n  - {i}")) : " []";
        var b = new System.Text.StringBuilder();
        b.AppendLine("# Bundle captured by the NetDoctor network lab (tests/NetDoctor.Lab.Tests) from network namespaces; see samples/README.md.");
        b.AppendLine("tool:");
        b.AppendLine("  name: netdoctor-lab");
        b.AppendLine("  version: 1.0.0");
        b.AppendLine($"scenario: {scenario}");
        b.AppendLine($"time: {DateTime.UtcNow:yyyy-MM-ddTHH:mm:ssZ}");
        b.AppendLine($"capturedWith: {capturedWith}");
        b.AppendLine($"nodes:{List(nodes)}");
        b.AppendLine($"collected:{List(captured)}");
        b.AppendLine($"suppliedByScenario:{List(supplied)}");
        b.AppendLine($"emulated:{List(emulated.Select(e => $"\"{e.Replace("\"", "'")}\""))}");
        b.AppendLine("failed: []");
        if (collectManifests.Count > 0)
        {
            b.AppendLine("collectManifests:");
            foreach (var (node, text) in collectManifests)
            {
                b.AppendLine($"  {node}: |");
                foreach (var line in text.TrimEnd().Split('\n')) b.AppendLine(line.Length == 0 ? "" : "    " + line);
            }
        }
        return File.WriteAllTextAsync(Path.Combine(bundleDirectory, "manifest.yaml"), b.ToString());
    }
}
