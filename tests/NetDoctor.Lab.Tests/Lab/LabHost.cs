using System.Diagnostics;

namespace NetDoctor.Lab.Tests.Lab;

/// <summary>One machine of the lab: a network namespace named <c>nd&lt;lab id&gt;-&lt;role&gt;</c>.
/// Every command runs under <c>ip netns exec</c>, so nothing here can reach the host's own interfaces, routes or firewall.</summary>
public sealed class LabHost
{
    private readonly Lab _lab;

    internal LabHost(Lab lab, string role, string @namespace)
    {
        _lab = lab;
        Role = role;
        Namespace = @namespace;
    }

    /// <summary>The name the scenario gives this machine (k8s01, admin...), also its node name in bundles.</summary>
    public string Role { get; }
    public string Namespace { get; }

    public Task<CommandResult> RunAsync(IEnumerable<string> argv, TimeSpan? timeout = null, string? stdin = null) =>
        Shell.RunAsync("ip", new[] { "netns", "exec", Namespace }.Concat(argv), timeout, stdin);

    public async Task<CommandResult> CheckAsync(IEnumerable<string> argv, TimeSpan? timeout = null, string? stdin = null)
    {
        var result = await RunAsync(argv, timeout, stdin);
        return result.Succeeded ? result : throw new LabCommandException(result);
    }

    /// <summary>Runs a blank-separated command (lab commands never need quoting), failing loudly.</summary>
    public Task<CommandResult> ExecAsync(string command) => CheckAsync(Shell.Words(command));

    public Task<CommandResult> IpAsync(string args) => ExecAsync("ip " + args);

    public Task<CommandResult> SysctlAsync(string key, string value) => CheckAsync(["sysctl", "-qw", $"{key}={value}"]);

    /// <summary>Loads rules the way Calico and kube-proxy do: iptables-restore without flushing what other writers own.</summary>
    public Task<CommandResult> IptablesRestoreAsync(string rules) => CheckAsync(["iptables-restore", "--noflush"], stdin: rules);

    public Task<CommandResult> IpsetRestoreAsync(string commands) => CheckAsync(["ipset", "restore", "-exist"], stdin: commands);

    public Task<CommandResult> NftAsync(string ruleset) => CheckAsync(["nft", "-f", "-"], stdin: ruleset);

    /// <summary>A real TCP connection attempt (netcat -z) bounded by <paramref name="seconds"/>.</summary>
    public async Task<ProbeResult> ConnectAsync(string address, int port, int seconds = 2, string? sourceAddress = null)
    {
        var argv = new List<string> { "nc", "-z", "-v", "-n", "-w", seconds.ToString() };
        if (sourceAddress is not null) argv.AddRange(["-s", sourceAddress]);
        argv.AddRange([address, port.ToString()]);
        var result = await RunAsync(argv, TimeSpan.FromSeconds(seconds + 5));
        return ProbeResult.FromNetcat($"{Role} -> {address}:{port}", result);
    }

    /// <summary>Starts a TCP listener (OpenBSD netcat, keeps accepting) with a bounded lifetime; the lab kills it on dispose.</summary>
    public LabProcess Listen(string address, int port, int lifetimeSeconds = 1800) =>
        StartBackground(["timeout", lifetimeSeconds.ToString(), "nc", "-l", "-k", "-n", address, port.ToString()], $"listener {address}:{port} in {Namespace}");

    public LabProcess StartBackground(IEnumerable<string> argv, string description)
    {
        var info = new ProcessStartInfo("ip") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var arg in new[] { "netns", "exec", Namespace }.Concat(argv)) info.ArgumentList.Add(arg);
        var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {description}");
        return _lab.Track(new LabProcess(process, description));
    }

    public override string ToString() => $"{Role} ({Namespace})";
}
