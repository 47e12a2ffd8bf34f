namespace NetDoctor.Lab.Tests.Lab;

/// <summary>A BIRD 1.6 daemon inside one node namespace, with its own config, control socket and pid file under the lab's directory.
/// Stopped by the pid in its own pid file, never by name (other labs run BIRD on the same machine).</summary>
public sealed class BirdDaemon
{
    private BirdDaemon(LabHost host, string directory)
    {
        Host = host;
        ConfigPath = Path.Combine(directory, $"{host.Role}.bird.cfg");
        SocketPath = Path.Combine(directory, $"{host.Role}.ctl");
        PidPath = Path.Combine(directory, $"{host.Role}.pid");
    }

    public LabHost Host { get; }
    public string ConfigPath { get; }
    public string SocketPath { get; }
    public string PidPath { get; }

    public static async Task<BirdDaemon> StartAsync(Lab lab, LabHost host, string config)
    {
        var bird = lab.Track(new BirdDaemon(host, lab.WorkDirectory));
        await File.WriteAllTextAsync(bird.ConfigPath, config);
        // BIRD forks into the background once the config parsed; the pid file names the daemon.
        await host.CheckAsync(["bird", "-c", bird.ConfigPath, "-s", bird.SocketPath, "-P", bird.PidPath]);
        return bird;
    }

    /// <summary>`show protocols` as birdcl prints it (what calico-node's BIRD answers).</summary>
    public async Task<string> ShowProtocolsAsync() =>
        (await Shell.CheckAsync("birdc", ["-s", SocketPath, "show", "protocols"], TimeSpan.FromSeconds(10))).StdOut;

    /// <summary>Rewrites the config and asks the running daemon to reload it, as confd does after a datastore change.</summary>
    public async Task ReconfigureAsync(string config)
    {
        await File.WriteAllTextAsync(ConfigPath, config);
        var result = await Shell.CheckAsync("birdc", ["-s", SocketPath, "configure"], TimeSpan.FromSeconds(10));
        if (!result.StdOut.Contains("Reconfigur")) throw new LabCommandException(result);
    }

    /// <summary>Waits until every BGP protocol satisfies <paramref name="accept"/> (by state text), or the deadline passes.</summary>
    public async Task<IReadOnlyList<BirdProtocolLine>> WaitForSessionsAsync(Func<BirdProtocolLine, bool> accept, TimeSpan deadline)
    {
        var until = DateTime.UtcNow + deadline;
        while (true)
        {
            var sessions = BirdProtocolLine.Parse(await ShowProtocolsAsync()).Where(p => p.Proto == "BGP").ToList();
            if (sessions.Count > 0 && sessions.All(accept) || DateTime.UtcNow > until) return sessions;
            await Task.Delay(250);
        }
    }

    /// <summary>calico-node restarted: BIRD stops and starts again with the new config.</summary>
    public async Task RestartAsync(string config)
    {
        await StopAsync();
        File.Delete(PidPath);
        await File.WriteAllTextAsync(ConfigPath, config);
        await Host.CheckAsync(["bird", "-c", ConfigPath, "-s", SocketPath, "-P", PidPath]);
    }

    public async Task StopAsync()
    {
        if (!File.Exists(PidPath)) return;
        if (!int.TryParse((await File.ReadAllTextAsync(PidPath)).Trim(), out var pid)) return;
        await Shell.RunAsync("kill", ["-TERM", pid.ToString()]);
        for (var i = 0; i < 40 && Directory.Exists($"/proc/{pid}"); i++) await Task.Delay(50);
        if (Directory.Exists($"/proc/{pid}")) await Shell.RunAsync("kill", ["-KILL", pid.ToString()]);
    }
}
