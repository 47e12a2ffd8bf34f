using System.Text;
using NetDoctor.Collectors.Bundles;
using NetDoctor.Facts;

namespace NetDoctor.Collectors.Tests.Bundles;

/// <summary>Issue 13, defects 5 and 18: nothing is lost, doubled or passed on without a word.</summary>
public class SilentLossTests
{
    [Fact]
    public void The_same_bundle_given_twice_is_read_once_and_the_repeat_reported()
    {
        using var dir = new TempDir();
        dir.File("k8s01/ip-route.txt", "default via 10.0.0.1 dev eth0\n");
        dir.File("k8s02/ip-route.txt", "default via 10.0.0.1 dev eth0\n");

        var once = BundleReader.Read([dir.Path]);
        var twice = BundleReader.Read([dir.Path, dir.Path + "/"]);

        twice.Facts.Count.ShouldBe(once.Facts.Count);
        twice.Problems.Single().Message.ShouldContain("input given more than once");
    }

    [Fact]
    public void A_nul_byte_after_the_first_8_KB_is_reported_at_its_line_and_kept_out_of_facts()
    {
        using var dir = new TempDir();
        var text = new StringBuilder();
        for (int i = 0; i < 400; i++) text.Append($"10.1.{i / 256}.{i % 256}/32 via 10.0.0.1 dev eth0\n");
        text.Append("10.9.9.0/24 via 10.0.0.1 dev eth\0x\n");
        dir.Bytes("k8s01/ip-route.txt", Encoding.ASCII.GetBytes(text.ToString()));
        dir.File("k8s02/ip-route.txt", "default via 10.0.0.1 dev eth0\n");

        var facts = BundleReader.Read([dir.Path]);

        facts.Problems.ShouldContain(p => p.Source == new Source("k8s01/ip-route.txt", 401) && p.Message.Contains("NUL byte"));
        facts.Facts.ShouldNotContain(f => f.Summary.Contains('\0'));
        facts.Facts.Count(f => f.Node == "k8s01").ShouldBeGreaterThanOrEqualTo(400);
    }

    [Fact]
    public void An_empty_bundle_directory_is_reported_and_signals_nothing_readable()
    {
        using var dir = new TempDir();

        var facts = BundleReader.Read([dir.Path]);

        facts.AnyInputRead.ShouldBeTrue();
        facts.NothingReadable.ShouldBeTrue();
        facts.Problems.Single().Message.ShouldContain("input holds no file at all");
    }

    [Fact]
    public void A_bundle_with_one_parsed_file_is_readable()
    {
        using var dir = new TempDir();
        dir.File("k8s01/ip-route.txt", "default via 10.0.0.1 dev eth0\n");

        BundleReader.Read([dir.Path]).NothingReadable.ShouldBeFalse();
    }
}
