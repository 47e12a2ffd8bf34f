using System.Diagnostics;
using NetDoctor.Collectors.Live;
using NetDoctor.Collectors.Tests.Bundles;

namespace NetDoctor.Collectors.Tests.Live.Hostile;

/// <summary>
/// Issue #13, defects 12 and 13: collect runs as root and reads the file a component's --config names. Anyone can
/// start a process whose command line says `kube-proxy --config=/etc/shadow`, or names a FIFO. The file is read only
/// for a process run by root or the kube-proxy user, only if it is a regular file, bounded in size and time.
/// </summary>
public class ComponentConfigTests
{
    private const string Secret = "PLANTED-root-only-secret";
    private const string ConfigPath = "/var/lib/kube-proxy/config.conf";

    [Fact]
    public async Task The_config_of_a_process_run_by_another_user_is_not_read()
    {
        using var dir = new TempDir();
        HostileHost.Status(dir, HostileHost.KubeProxyPid, uid: 1000);
        dir.File($"proc/{HostileHost.KubeProxyPid}/root{ConfigPath}", Secret);

        var result = await new LiveCollector(HostileHost.WithKubeProxy(ConfigPath, user: "mallory"), new FakeClusterCollector(), _ => false)
            .CollectAsync(LiveCollectorTests.Options(dir.Combine("out"), dir.Combine("proc")));

        HostileHost.Files(dir.Combine("out")).ShouldAllBe(f => !f.Text.Contains(Secret));
        File.Exists(dir.Combine("out/k8s01/kube-proxy-config.yaml")).ShouldBeFalse();
        var copy = result.CopiedFiles.ShouldHaveSingleItem();
        copy.Status.ShouldBe("skipped");
        copy.Reason.ShouldBe("process 3001 runs as uid 1000, neither root nor the kube-proxy user; a file named on its command line is not read");
    }

    [Fact]
    public async Task A_process_that_is_root_in_one_uid_only_is_not_trusted()
    {
        using var dir = new TempDir();
        // A setuid program started by a user: effective uid 0, real uid 1000.
        dir.File($"proc/{HostileHost.KubeProxyPid}/status", "Name:\tsudo\nUid:\t1000\t0\t0\t0\n");
        dir.File($"proc/{HostileHost.KubeProxyPid}/root{ConfigPath}", Secret);

        var result = await new LiveCollector(HostileHost.WithKubeProxy(ConfigPath), new FakeClusterCollector(), _ => false)
            .CollectAsync(LiveCollectorTests.Options(dir.Combine("out"), dir.Combine("proc")));

        result.CopiedFiles.ShouldHaveSingleItem().Reason!.ShouldStartWith("process 3001 runs as uid 1000/0,");
        HostileHost.Files(dir.Combine("out")).ShouldAllBe(f => !f.Text.Contains(Secret));
    }

    [Fact]
    public async Task The_config_of_a_process_run_by_the_kube_proxy_user_is_read()
    {
        using var dir = new TempDir();
        HostileHost.Status(dir, HostileHost.KubeProxyPid, uid: 998);
        dir.File("passwd", "root:x:0:0:root:/root:/bin/bash\nkube-proxy:x:998:998::/var/lib/kube-proxy:/usr/sbin/nologin\n");
        dir.File($"proc/{HostileHost.KubeProxyPid}/root{ConfigPath}", "kind: KubeProxyConfiguration\nmode: ipvs\n");

        var result = await new LiveCollector(HostileHost.WithKubeProxy(ConfigPath, user: "kube-proxy"), new FakeClusterCollector(), _ => false)
            .CollectAsync(LiveCollectorTests.Options(dir.Combine("out"), dir.Combine("proc")) with { PasswdFile = dir.Combine("passwd") });

        result.CopiedFiles.ShouldHaveSingleItem().Status.ShouldBe("ok");
        File.ReadAllText(dir.Combine("out/k8s01/kube-proxy-config.yaml")).ShouldContain("mode: ipvs");
    }

    [Fact]
    public async Task A_fifo_named_as_config_is_refused_at_once_instead_of_hanging_collect()
    {
        using var dir = new TempDir();
        HostileHost.Status(dir, HostileHost.KubeProxyPid, uid: 0);
        HostileHost.MakeFifo(dir.Combine($"proc/{HostileHost.KubeProxyPid}/root{ConfigPath}"));
        var clock = Stopwatch.StartNew();

        var result = await new LiveCollector(HostileHost.WithKubeProxy(ConfigPath), new FakeClusterCollector(), _ => false)
            .CollectAsync(LiveCollectorTests.Options(dir.Combine("out"), dir.Combine("proc")))
            .WaitAsync(TimeSpan.FromSeconds(60));

        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(30));
        var copy = result.CopiedFiles.ShouldHaveSingleItem();
        copy.Status.ShouldBe("failed");
        copy.Reason.ShouldBe($"{dir.Combine("proc")}/{HostileHost.KubeProxyPid}/root{ConfigPath} is a FIFO, not a regular file; not read");
        result.Status.ShouldBe("complete");
    }

    [Theory]
    [InlineData("device")]
    [InlineData("large")]
    public async Task A_device_or_an_oversized_file_is_refused(string kind)
    {
        using var dir = new TempDir();
        HostileHost.Status(dir, HostileHost.KubeProxyPid, uid: 0);
        string config = dir.Combine($"proc/{HostileHost.KubeProxyPid}/root{ConfigPath}");
        Directory.CreateDirectory(Path.GetDirectoryName(config)!);
        if (kind == "device") File.CreateSymbolicLink(config, "/dev/zero");
        else File.WriteAllText(config, new string('x', 2 * 1024 * 1024));

        var result = await new LiveCollector(HostileHost.WithKubeProxy(ConfigPath), new FakeClusterCollector(), _ => false)
            .CollectAsync(LiveCollectorTests.Options(dir.Combine("out"), dir.Combine("proc")));

        result.CopiedFiles.ShouldHaveSingleItem().Reason.ShouldBe(kind == "device"
            ? $"{config} is a character device, not a regular file; not read"
            : $"{config} is larger than 1024 KiB; not read");
    }

    [FactWhenRoot]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task A_real_process_of_another_user_posing_as_kube_proxy_gets_no_root_only_file()
    {
        using var dir = new TempDir();
        string shadow = dir.File("shadow", Secret);
        File.SetUnixFileMode(shadow, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        // nobody starts a process whose command line reads "kube-proxy ... --config=<root-only file>".
        using var impostor = Process.Start(new ProcessStartInfo("setpriv",
            ["--reuid=65534", "--regid=65534", "--clear-groups", "bash", "-c", "exec -a kube-proxy bash -c 'sleep 60; :' impostor --config=" + shadow]))!;
        try
        {
            await WaitForCommandLine(impostor.Id, "kube-proxy");
            var runner = LiveCollectorTests.Host().Output("ps -ww -eo user,pid,ppid,args",
                $"USER         PID    PPID COMMAND\nnobody      {impostor.Id}       1 kube-proxy -c sleep 60; : impostor --config={shadow}\n");

            var result = await new LiveCollector(runner, new FakeClusterCollector(), _ => false)
                .CollectAsync(LiveCollectorTests.Options(dir.Combine("out"), "/proc"));

            result.CopiedFiles.ShouldHaveSingleItem().Reason.ShouldBe(
                $"process {impostor.Id} runs as uid 65534, neither root nor the kube-proxy user; a file named on its command line is not read");
            HostileHost.Files(dir.Combine("out")).ShouldAllBe(f => !f.Text.Contains(Secret));
        }
        finally
        {
            impostor.Kill(entireProcessTree: true);
        }
    }

    [FactWhenRoot]
    public async Task A_real_root_process_config_is_read_through_its_root_and_a_real_fifo_is_refused()
    {
        using var dir = new TempDir();
        string config = dir.File("config.conf", "kind: KubeProxyConfiguration\nmode: iptables\n");
        string fifo = dir.Combine("fifo.conf");
        HostileHost.MakeFifo(fifo);
        int self = Environment.ProcessId;

        var read = await new LiveCollector(HostileHost.WithKubeProxy(config, pid: self), new FakeClusterCollector(), _ => false)
            .CollectAsync(LiveCollectorTests.Options(dir.Combine("out1"), "/proc"));
        var refused = await new LiveCollector(HostileHost.WithKubeProxy(fifo, pid: self), new FakeClusterCollector(), _ => false)
            .CollectAsync(LiveCollectorTests.Options(dir.Combine("out2"), "/proc"))
            .WaitAsync(TimeSpan.FromSeconds(60));

        read.CopiedFiles.ShouldHaveSingleItem().ShouldSatisfyAllConditions(c => c.Status.ShouldBe("ok"), c => c.From.ShouldBe($"/proc/{self}/root{config}"));
        refused.CopiedFiles.ShouldHaveSingleItem().Reason.ShouldBe($"/proc/{self}/root{fifo} is a FIFO, not a regular file; not read");
    }

    private static async Task WaitForCommandLine(int pid, string start)
    {
        for (int i = 0; i < 100; i++)
        {
            try
            {
                if (File.ReadAllText($"/proc/{pid}/cmdline").StartsWith(start, StringComparison.Ordinal)) return;
            }
            catch (IOException)
            {
            }
            await Task.Delay(50);
        }
        throw new TimeoutException($"process {pid} did not exec {start}");
    }
}
