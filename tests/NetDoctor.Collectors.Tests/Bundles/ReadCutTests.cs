using NetDoctor.Collectors.Bundles;
using NetDoctor.Facts;

namespace NetDoctor.Collectors.Tests.Bundles;

/// <summary>
/// Issue 12: a file a reading budget cut is recorded with what it would have given — its node, format, the budget that
/// cut it and the fact types it held, including what post-processing makes of them — so the run can tell which rules
/// lack evidence where, instead of only printing a problem line.
/// </summary>
public class ReadCutTests
{
    private static string Routes(int count, int gateway) =>
        string.Concat(Enumerable.Range(0, count).Select(i => $"10.{gateway}.{i >> 8 & 255}.{i & 255}/32 via 10.0.0.{gateway} dev eth0 proto bird\n"));

    [Fact]
    public void A_file_past_the_fact_budget_is_recorded_with_its_node_its_limit_and_the_types_it_held()
    {
        using var dir = new TempDir();
        dir.File("k8s01/ip-route.txt", Routes(10, 1));
        dir.File("k8s02/ip-route.txt", Routes(10, 2));

        var facts = BundleReader.Read([dir.Path], new BundleReadOptions { MaxFacts = 15 });

        var cut = facts.Cuts.ShouldHaveSingleItem();
        cut.Path.ShouldBe("k8s02/ip-route.txt");
        cut.Node.ShouldBe("k8s02");
        cut.Kind.ShouldBe("ip-route");
        cut.Limit.ShouldBe(ReadLimit.Facts);
        cut.Budget.ShouldBe(15);
        cut.Facts.ShouldBe(10);
        cut.Bytes.ShouldBe(new FileInfo(Path.Combine(dir.Path, "k8s02", "ip-route.txt")).Length);
        cut.Lost.ShouldBe([new LostFacts(typeof(Route), "k8s02")]);
        facts.Facts.ShouldAllBe(f => f.Node == "k8s01");
    }

    [Fact]
    public void A_kube_proxy_configuration_past_the_byte_budget_takes_its_settings_with_it()
    {
        using var dir = new TempDir();
        string processes = dir.File("k8s01/processes.txt", "UID PID PPID C STIME TTY TIME CMD\nroot 1255 1 1 09:59 ? 00:04:00 /usr/local/bin/kube-proxy --config=/var/lib/kube-proxy/config.conf\n");
        // Read first (its name sorts first) and bigger than the budget, which the command line after it fits.
        dir.File("k8s01/kube-proxy-config.yaml", new string('#', 400) + "\napiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\nclusterCIDR: 10.244.0.0/16\nmode: iptables\n");
        long budget = new FileInfo(processes).Length + 10;

        var facts = BundleReader.Read([dir.Path], new BundleReadOptions { MaxReadBytes = budget });

        var config = facts.Cuts.ShouldHaveSingleItem();
        // One node's folder alone is read as that node's files (named by the folder).
        config.Path.ShouldBe("kube-proxy-config.yaml");
        config.Node.ShouldBe("k8s01");
        config.Limit.ShouldBe(ReadLimit.ReadBytes);
        config.Budget.ShouldBe(budget);
        // The configuration's own facts, and the merged settings it would have fed: without it, kube-proxy's settings
        // come from its command line alone, which does not say what the configuration did.
        config.Lost.ShouldContain(new LostFacts(typeof(ComponentSettings), "k8s01"));
        config.Lost.ShouldContain(new LostFacts(typeof(KubeProxySettings), "k8s01"));
        facts.Problems.ShouldContain(p => p.Source.File == "kube-proxy-config.yaml" && p.Message.Contains("--max-read-bytes"));
    }

    [Fact]
    public void A_read_within_its_budgets_records_no_cut()
    {
        using var dir = new TempDir();
        dir.File("k8s01/ip-route.txt", Routes(10, 1));

        BundleReader.Read([dir.Path]).Cuts.ShouldBeEmpty();
    }
}
