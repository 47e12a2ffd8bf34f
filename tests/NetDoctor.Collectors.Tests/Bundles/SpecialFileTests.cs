using System.Diagnostics;
using NetDoctor.Collectors.Bundles;

namespace NetDoctor.Collectors.Tests.Bundles;

/// <summary>Issue 13, defects 2 and 5: FIFOs, devices and links are reported, never opened, never followed, never a hang.</summary>
public class SpecialFileTests
{
    private static void MakeFifo(string path)
    {
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]))!;
        mkfifo.WaitForExit();
        mkfifo.ExitCode.ShouldBe(0);
    }

    /// <summary>Reads on another thread so that a regression fails the test instead of hanging the run.</summary>
    private static FactBase ReadWithin(params string[] inputs)
    {
        var read = Task.Run(() => BundleReader.Read(inputs));
        read.Wait(TimeSpan.FromSeconds(30)).ShouldBeTrue("reading blocked: a special file was opened");
        return read.Result;
    }

    [Fact]
    public void A_fifo_inside_a_bundle_directory_is_a_problem_not_a_hang()
    {
        if (OperatingSystem.IsWindows()) return;
        using var dir = new TempDir();
        dir.File("k8s01/ip-route.txt", "default via 10.0.0.1 dev eth0\n");
        MakeFifo(dir.Combine("k8s01/iptables-save.txt"));
        MakeFifo(dir.Combine("hostname"));

        var facts = ReadWithin(dir.Path);

        facts.Problems.ShouldContain(p => p.Source.File.EndsWith("iptables-save.txt") && p.Message.Contains("FIFO"));
        facts.Facts.ShouldNotBeEmpty();
    }

    [Fact]
    public void A_fifo_given_as_the_bundle_is_a_problem_not_a_hang()
    {
        if (OperatingSystem.IsWindows()) return;
        using var dir = new TempDir();
        MakeFifo(dir.Combine("bundle.tar.gz"));

        var facts = ReadWithin(dir.Combine("bundle.tar.gz"));

        facts.Problems.Single().Message.ShouldContain("is a FIFO");
        facts.AnyInputRead.ShouldBeFalse();
    }

    [Fact]
    public void A_device_given_as_the_bundle_is_not_read()
    {
        if (OperatingSystem.IsWindows()) return;

        var facts = ReadWithin("/dev/zero");

        facts.Problems.Single().Message.ShouldContain("character device");
    }

    [Fact]
    public void A_symbolic_link_in_a_directory_is_reported_and_not_followed()
    {
        if (OperatingSystem.IsWindows()) return;
        using var dir = new TempDir();
        dir.File("k8s01/ip-route.txt", "default via 10.0.0.1 dev eth0\n");
        File.CreateSymbolicLink(dir.Combine("k8s01/shadow"), "/etc/shadow");

        var facts = ReadWithin(dir.Path);

        facts.Problems.ShouldContain(p => p.Source.File.EndsWith("shadow") && p.Message.Contains("link to '/etc/shadow' not followed"));
    }
}
