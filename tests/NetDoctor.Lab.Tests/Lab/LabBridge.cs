namespace NetDoctor.Lab.Tests.Lab;

/// <summary>The shared L2 segment: nodes attach an interface (usually eth0) to its bridge and get an address on it.</summary>
public sealed class LabBridge(LabHost host)
{
    private int _ports;

    public LabHost Host { get; } = host;

    public async Task<VethLink> AttachAsync(Lab lab, LabHost node, string interfaceName, string addressWithPrefix)
    {
        var port = $"p{Interlocked.Increment(ref _ports)}";
        var link = await lab.LinkAsync(node, interfaceName, Host, port);
        await Host.IpAsync($"link set {port} master br0");
        await node.IpAsync($"addr add {addressWithPrefix} dev {interfaceName}");
        return link;
    }
}
