using System.Text;
using NetDoctor.Collectors.Bundles;

namespace NetDoctor.Collectors.Tests.Bundles;

/// <summary>
/// Issue 13, defect 4: the per-file and per-archive limits did not bound memory (a 47 MB .tar.gz of fifteen route
/// files took more than 20 GB). The same shape of archive, scaled down with the budget, is cut at the budget with a
/// problem per file; the default budget's arithmetic is what keeps the full-size case under 1.5 GB.
/// </summary>
public class ReadBudgetTests
{
    private static byte[] Routes(int count, int gateway = 1)
    {
        var text = new StringBuilder();
        for (int i = 0; i < count; i++) text.Append($"10.{i >> 16 & 255}.{i >> 8 & 255}.{i & 255}/32 via 10.0.0.{gateway} dev eth0 proto bird\n");
        return Encoding.ASCII.GetBytes(text.ToString());
    }

    [Fact]
    public void Fifteen_large_route_files_in_an_archive_are_read_until_the_budget_and_each_file_cut_is_named()
    {
        using var dir = new TempDir();
        string archive = dir.Combine("hostile.tar.gz");
        // Different content on every node: identical copies are parsed once and charged once (content-addressed
        // reading); their facts still count against the fact budget.
        var routes = Enumerable.Range(1, 15).Select(i => Routes(20_000, gateway: i)).ToList(); // about 1 MiB each
        TarBuilder.FromEntries(archive, Enumerable.Range(1, 15).Select(i => ($"node{i:00}/ip-route.txt", routes[i - 1])));
        var options = new BundleReadOptions { MaxReadBytes = 4L * routes[0].Length + 100 };

        var facts = BundleReader.Read([archive], options);

        var cut = facts.Problems.Where(p => p.Message.Contains("the memory budget for reading is spent")).Select(p => p.Source.File).ToList();
        cut.Count.ShouldBe(11);
        cut.ShouldContain("node15/ip-route.txt");
        facts.Facts.Select(f => f.Node).Distinct().Count().ShouldBe(4);
    }

    [Fact]
    public void Past_twenty_cut_files_the_problem_is_short()
    {
        using var dir = new TempDir();
        for (int i = 0; i < 30; i++) dir.File($"k8s{i:00}/ip-route.txt", "default via 10.0.0.1 dev eth0\n");

        var facts = BundleReader.Read([dir.Path], new BundleReadOptions { MaxReadBytes = 1 });

        facts.Problems.Count(p => p.Message.Contains("diagnoses lack this file's evidence")).ShouldBe(20);
        facts.Problems.Count(p => p.Message == "not read: the memory budget for reading is spent (the first files cut say why)").ShouldBe(10);
    }

    [Fact]
    public void The_fact_budget_keeps_no_facts_of_a_file_past_it_and_says_so()
    {
        using var dir = new TempDir();
        dir.Bytes("k8s01/ip-route.txt", Routes(10));
        dir.Bytes("k8s02/ip-route.txt", Routes(10));

        var facts = BundleReader.Read([dir.Path], new BundleReadOptions { MaxFacts = 15 });

        facts.Facts.Count.ShouldBe(10);
        facts.Problems.Single().Message.ShouldContain("10 facts of this file not kept: the budget of 15 facts");
    }

    [Fact]
    public void A_file_declaring_more_than_the_file_limit_is_refused_unread()
    {
        using var dir = new TempDir();
        dir.Bytes("k8s01/ip-route.txt", Routes(100_000)); // about 5 MiB

        // A directory's files are read on the calling thread, so its allocations show what was read.
        var before = GC.GetAllocatedBytesForCurrentThread();
        var facts = BundleReader.Read([dir.Path], new BundleReadOptions { MaxFileBytes = 1024 * 1024 });

        (GC.GetAllocatedBytesForCurrentThread() - before).ShouldBeLessThan(1024 * 1024);
        facts.Problems.Single().Message.ShouldContain("larger than the 1 MiB limit; not read");
    }

    [Fact]
    public void The_default_fact_budget_keeps_the_facts_and_their_session_to_a_third_of_memory()
    {
        // What stays in memory is facts: ~290 bytes each once compacted (bench --fact-bytes) and up to ~390 more in the
        // rule session (bench --memory, NRules), so at the budget they fill at most a third of what the process may use.
        long available = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        (BundleReadOptions.Default.MaxFacts * 680).ShouldBeLessThanOrEqualTo(Math.Max(available / 3, 250_000L * 680));
        BundleReadOptions.Default.MaxFacts.ShouldBeGreaterThanOrEqualTo(250_000);
        BundleReadOptions.Default.MaxReadBytes.ShouldBeGreaterThanOrEqualTo(64L * 1024 * 1024);
        BundleReadOptions.Default.MaxReadBytes.ShouldBeLessThanOrEqualTo(Math.Max(available / 2, 64L * 1024 * 1024));
    }
}
