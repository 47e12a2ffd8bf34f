using System.Security.Cryptography;

namespace NetDoctor.Lab.Tests.Lab;

/// <summary>One lab run: its namespaces, links, daemons and scratch directory, all named with one random id.
/// Dispose removes exactly what this instance created (never another lab's or another helper's namespaces),
/// also when the scenario failed half-way.</summary>
public sealed class Lab : IAsyncDisposable
{
    private readonly List<string> _namespaces = [];
    private readonly List<LabProcess> _processes = [];
    private readonly List<BirdDaemon> _birds = [];
    private readonly Lock _gate = new();

    private Lab(string id)
    {
        Id = id;
        // Short on purpose: BIRD's control socket lives here and unix socket paths are limited to 108 bytes.
        WorkDirectory = Directory.CreateDirectory(Path.Combine("/tmp", $"nd{id}")).FullName;
    }

    /// <summary>Six random hex digits shared by every name this lab creates (namespaces <c>nd&lt;id&gt;-&lt;role&gt;</c>).</summary>
    public string Id { get; }
    public string WorkDirectory { get; }
    public IReadOnlyList<string> Namespaces { get { lock (_gate) return [.. _namespaces]; } }

    public static Lab Create() => new(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3)));

    public async Task<LabHost> AddHostAsync(string role)
    {
        var name = $"nd{Id}-{role}";
        await Shell.CheckAsync("ip", ["netns", "add", name]);
        lock (_gate) _namespaces.Add(name);
        var host = new LabHost(this, role, name);
        await host.IpAsync("link set lo up");
        // Fixed, not inherited: a new namespace may copy rp_filter from the host, which would change what the incidents show.
        await host.SysctlAsync("net.ipv4.conf.all.rp_filter", "0");
        await host.SysctlAsync("net.ipv4.conf.default.rp_filter", "0");
        return host;
    }

    /// <summary>Deletes one of this lab's namespaces early (a pod that is deleted and recreated).</summary>
    public async Task RemoveHostAsync(LabHost host)
    {
        lock (_gate) if (!_namespaces.Remove(host.Namespace)) throw new InvalidOperationException($"{host} does not belong to lab {Id}");
        await Shell.CheckAsync("ip", ["netns", "del", host.Namespace]);
    }

    /// <summary>A namespace holding one Linux bridge: the shared L2 segment (the "switch") the nodes' eth0 plug into.</summary>
    public async Task<LabBridge> AddBridgeAsync(string role = "lan")
    {
        var host = await AddHostAsync(role);
        await host.IpAsync("link add br0 type bridge");
        await host.IpAsync("link set br0 up");
        return new LabBridge(host);
    }

    /// <summary>A veth pair with one end in each namespace, both ends up.</summary>
    public async Task<VethLink> LinkAsync(LabHost a, string interfaceA, LabHost b, string interfaceB)
    {
        await Shell.CheckAsync("ip", ["link", "add", "name", interfaceA, "netns", a.Namespace, "type", "veth", "peer", "name", interfaceB, "netns", b.Namespace]);
        await a.IpAsync($"link set {interfaceA} up");
        await b.IpAsync($"link set {interfaceB} up");
        return new VethLink(a, interfaceA, b, interfaceB);
    }

    internal LabProcess Track(LabProcess process)
    {
        lock (_gate) _processes.Add(process);
        return process;
    }

    internal BirdDaemon Track(BirdDaemon bird)
    {
        lock (_gate) _birds.Add(bird);
        return bird;
    }

    public async ValueTask DisposeAsync()
    {
        List<Exception> errors = [];
        BirdDaemon[] birds; LabProcess[] processes; string[] namespaces;
        lock (_gate) { birds = [.. _birds]; processes = [.. _processes]; namespaces = [.. _namespaces]; }
        foreach (var bird in birds)
            try { await bird.StopAsync(); } catch (Exception e) { errors.Add(e); }
        foreach (var process in processes)
            try { process.Dispose(); } catch (Exception e) { errors.Add(e); }
        foreach (var name in namespaces.Reverse())
        {
            var result = await Shell.RunAsync("ip", ["netns", "del", name]);
            if (!result.Succeeded && !result.StdErr.Contains("No such file")) errors.Add(new LabCommandException(result));
        }
        try { Directory.Delete(WorkDirectory, recursive: true); } catch (IOException e) { errors.Add(e); }
        if (errors.Count > 0) throw new AggregateException($"lab {Id}: cleanup was incomplete", errors);
    }
}
