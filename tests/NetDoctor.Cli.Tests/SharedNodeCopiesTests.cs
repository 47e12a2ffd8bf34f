namespace NetDoctor.Cli.Tests;

/// <summary>
/// Content-addressed reading (issue 12) through `netdoctor run`: three nodes hold identical copies of incident 004's
/// node (kube-proxy in IPVS mode without a cluster CIDR), so their iptables, address and route files are parsed once and
/// shared. Each node must still get its own diagnosis whose evidence points into its own folder, and a node whose nat
/// table differs (it has the KUBE-MARK-MASQ rule the diagnosis looks for) must be read from its own copy: no diagnosis.
/// </summary>
public class SharedNodeCopiesTests
{
    private const string MarkRule = "[0:0] -A KUBE-SERVICES -m set --match-set KUBE-CLUSTER-IP dst,dst -j KUBE-MARK-MASQ\n";

    [Fact]
    public async Task Identical_copies_give_each_node_its_own_diagnosis_and_a_differing_copy_is_seen()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"netdoctor-shared-copies-{Environment.ProcessId}");
        try
        {
            var sample = Repo.Sample("incident-004-kube-proxy-no-cluster-cidr");
            Copy(Path.Combine(sample, "cluster"), Path.Combine(directory, "cluster"));
            foreach (var node in new[] { "n1", "n2", "n3" }) Copy(Path.Combine(sample, "node01"), Path.Combine(directory, node));
            // n3's nat table: the same but for the mark rule, just before KUBE-SERVICES' last rule.
            var n3Nat = Path.Combine(directory, "n3", "iptables-nft-save.txt");
            var text = File.ReadAllText(n3Nat);
            int at = text.IndexOf("[1:60] -A KUBE-SERVICES -m set --match-set KUBE-CLUSTER-IP dst,dst -j ACCEPT", StringComparison.Ordinal);
            at.ShouldBeGreaterThan(0);
            File.WriteAllText(n3Nat, text.Insert(at, MarkRule));

            var result = await Cli.Run("run", "--bundle", directory, "--format", "json");

            var diagnoses = result.Json["diagnoses"]!.AsArray()
                .Where(d => (string)d!["ruleId"]! == "kube-proxy/missing-cluster-cidr")
                .ToList();
            diagnoses.Select(d => (string?)d!["node"]).ShouldBe(["n1", "n2"], ignoreOrder: true, result.Out);
            foreach (var diagnosis in diagnoses)
            {
                string node = (string)diagnosis!["node"]!;
                var sources = diagnosis["evidence"]!.AsArray().Select(e => (string?)e!["source"]).OfType<string>().ToList();
                sources.ShouldContain($"{node}/iptables-nft-save.txt:13", result.Out);
                sources.ShouldAllBe(s => s.StartsWith(node + "/", StringComparison.Ordinal) || s.StartsWith("cluster/", StringComparison.Ordinal));
                ((string)diagnosis["message"]!).ShouldContain($"kube-proxy on {node} runs in IPVS mode");
            }
        }
        finally
        {
            if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        }
    }

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
