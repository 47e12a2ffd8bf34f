using System.Security.Cryptography;
using System.Text;
using NetDoctor.Lab.Tests.Lab.Cluster;

namespace NetDoctor.Lab.Tests.Lab.Calico;

/// <summary>Programs one node's dataplane the way Calico's Felix and CNI plugin do: ipsets of the IP pools, the nat chains
/// (cali-nat-outgoing masquerades only pool sources going to non-pool destinations), the workload dispatch/policy chains,
/// and pods behind "cali…" veths with /32 scope-link routes and proxy ARP. Chains and sets carry Calico's real names.</summary>
public sealed class Felix(Lab lab, LabHost node)
{
    public const string AcceptMark = "0x10000/0x10000";
    private readonly List<Workload> _workloads = [];
    private readonly Dictionary<string, ProfileState> _profiles = [];
    private IReadOnlyList<IpPool> _pools = [];

    public LabHost Node { get; } = node;
    public IReadOnlyList<Workload> Workloads => _workloads;

    public async Task StartAsync(IReadOnlyList<IpPool> pools)
    {
        _pools = pools;
        await Node.SysctlAsync("net.ipv4.ip_forward", "1");
        await SyncIpsetsAsync();
        // Felix inserts its hooks at the top of the kernel chains once, then owns everything under cali-*.
        await Node.IptablesRestoreAsync(string.Join('\n',
            "*nat",
            ":cali-PREROUTING - [0:0]", ":cali-POSTROUTING - [0:0]", ":cali-OUTPUT - [0:0]",
            RuleIds.Rule("PREROUTING", "-j cali-PREROUTING"),
            RuleIds.Rule("OUTPUT", "-j cali-OUTPUT"),
            RuleIds.Rule("POSTROUTING", "-j cali-POSTROUTING"),
            "COMMIT",
            "*filter",
            ":cali-FORWARD - [0:0]",
            RuleIds.Rule("FORWARD", "-j cali-FORWARD"),
            "COMMIT", ""));
        await SyncChainsAsync();
    }

    /// <summary>Pools changed in the datastore (e.g. the IPPool was edited): Felix rewrites the ipsets in place.</summary>
    public async Task SetPoolsAsync(IReadOnlyList<IpPool> pools)
    {
        _pools = pools;
        await SyncIpsetsAsync();
    }

    public async Task SetProfileAsync(string profile, ProfileState state)
    {
        _profiles[profile] = state;
        await SyncChainsAsync();
    }

    /// <summary>What the CNI plugin does for a new pod: sandbox namespace, veth (pod eth0 / host cali…), /32 address,
    /// default route via 169.254.1.1 answered by proxy ARP on the host side, /32 scope-link route on the host.</summary>
    public async Task<Workload> AddWorkloadAsync(string podNamespace, string podName, string address, string profile, string? interfaceName = null)
    {
        var iface = interfaceName ?? RuleIds.InterfaceFor(podNamespace, podName);
        var sandbox = await lab.AddHostAsync($"{Node.Role}-{ShortName(podName)}");
        await lab.LinkAsync(sandbox, "eth0", Node, iface);
        await Node.IpAsync($"link set {iface} address ee:ee:ee:ee:ee:ee");
        await Node.SysctlAsync($"net.ipv4.conf.{iface}.proxy_arp", "1");
        await Node.SysctlAsync($"net.ipv4.neigh.{iface}.proxy_delay", "0");
        await Node.SysctlAsync($"net.ipv4.conf.{iface}.forwarding", "1");
        await Node.IpAsync($"route add {address}/32 dev {iface} scope link");
        await sandbox.IpAsync($"addr add {address}/32 dev eth0");
        await sandbox.IpAsync("route add 169.254.1.1 dev eth0 scope link");
        await sandbox.IpAsync("route add default via 169.254.1.1 dev eth0");
        var workload = new Workload(podNamespace, podName, address, iface, profile, sandbox);
        _workloads.Add(workload);
        _profiles.TryAdd(profile, ProfileState.AllowAll);
        await SyncChainsAsync();
        return workload;
    }

    /// <summary>The pod is deleted: its sandbox (and with it the veth and the /32 route) disappears, Felix drops its chains.</summary>
    public async Task RemoveWorkloadAsync(Workload workload)
    {
        _workloads.Remove(workload);
        await lab.RemoveHostAsync(workload.Sandbox);
        await SyncChainsAsync();
    }

    private static string ShortName(string pod) => new string(pod.Where(char.IsLetterOrDigit).Take(8).ToArray());

    private Task SyncIpsetsAsync()
    {
        var b = new StringBuilder();
        foreach (var (set, pools) in new[]
                 {
                     ("cali40masq-ipam-pools", _pools.Where(p => p.NatOutgoing && !p.Disabled)),
                     ("cali40all-ipam-pools", _pools.Where(p => !p.Disabled)),
                 })
        {
            b.AppendLine($"create {set} hash:net family inet hashsize 1024 maxelem 1048576");
            b.AppendLine($"flush {set}");
            foreach (var pool in pools) b.AppendLine($"add {set} {pool.Cidr}");
        }
        return Node.IpsetRestoreAsync(b.ToString());
    }

    private Task SyncChainsAsync()
    {
        var nat = new List<string>
        {
            "*nat",
            ":cali-PREROUTING - [0:0]", ":cali-POSTROUTING - [0:0]", ":cali-OUTPUT - [0:0]",
            ":cali-fip-dnat - [0:0]", ":cali-fip-snat - [0:0]", ":cali-nat-outgoing - [0:0]",
            RuleIds.Rule("cali-PREROUTING", "-j cali-fip-dnat"),
            RuleIds.Rule("cali-POSTROUTING", "-j cali-fip-snat"),
            RuleIds.Rule("cali-POSTROUTING", "-j cali-nat-outgoing"),
            RuleIds.Rule("cali-OUTPUT", "-j cali-fip-dnat"),
            RuleIds.Rule("cali-nat-outgoing", "-m set --match-set cali40masq-ipam-pools src -m set ! --match-set cali40all-ipam-pools dst -j MASQUERADE --random-fully"),
            "COMMIT",
        };
        var filter = new List<string> { "*filter", ":cali-FORWARD - [0:0]", ":cali-to-wl-dispatch - [0:0]", ":cali-from-wl-dispatch - [0:0]" };
        filter.AddRange(_workloads.SelectMany(w => new[] { $":cali-tw-{w.Interface} - [0:0]", $":cali-fw-{w.Interface} - [0:0]" }));
        filter.AddRange(_profiles.Keys.SelectMany(p => new[] { $":{ChainName("cali-pri-", p)} - [0:0]", $":{ChainName("cali-pro-", p)} - [0:0]" }));
        filter.Add(RuleIds.Rule("cali-FORWARD", "-i cali+ -j cali-from-wl-dispatch"));
        filter.Add(RuleIds.Rule("cali-FORWARD", "-o cali+ -j cali-to-wl-dispatch"));
        filter.Add(RuleIds.Rule("cali-FORWARD", "-i cali+ -j ACCEPT"));
        filter.Add(RuleIds.Rule("cali-FORWARD", "-o cali+ -j ACCEPT"));
        foreach (var w in _workloads)
        {
            filter.Add(RuleIds.Rule("cali-to-wl-dispatch", $"-o {w.Interface} -g cali-tw-{w.Interface}"));
            filter.Add(RuleIds.Rule("cali-from-wl-dispatch", $"-i {w.Interface} -g cali-fw-{w.Interface}"));
            filter.AddRange(WorkloadChain($"cali-tw-{w.Interface}", ChainName("cali-pri-", w.Profile)));
            filter.AddRange(WorkloadChain($"cali-fw-{w.Interface}", ChainName("cali-pro-", w.Profile)));
        }
        filter.Add(RuleIds.Rule("cali-to-wl-dispatch", "-j DROP"));
        filter.Add(RuleIds.Rule("cali-from-wl-dispatch", "-j DROP"));
        foreach (var (profile, state) in _profiles)
        {
            foreach (var chain in new[] { ChainName("cali-pri-", profile), ChainName("cali-pro-", profile) })
            {
                filter.AddRange(state == ProfileState.AllowAll
                    ? [RuleIds.Rule(chain, $"-j MARK --set-xmark {AcceptMark}"), RuleIds.Rule(chain, $"-m mark --mark {AcceptMark} -j RETURN")]
                    : [RuleIds.Rule(chain, "-j DROP")]);
            }
        }

        filter.Add("COMMIT");
        return Node.IptablesRestoreAsync(string.Join('\n', nat.Concat(filter)) + "\n");
    }

    /// <summary>
    /// Felix's name for a profile's chain: prefix + profile while it fits iptables' 28 characters, else prefix + "_" + the
    /// start of the URL-safe base64 SHA-256 of the profile (a long namespace's kns./k8s_ns. profile gets such a name).
    /// Written here on its own, from Felix's rule, so the lab is a second witness to NetDoctor's Calico.ChainName.
    /// </summary>
    public static string ChainName(string prefix, string profile)
    {
        if (prefix.Length + profile.Length < 28 || prefix.Length + profile.Length == 28 && !profile.StartsWith('_')) return prefix + profile;
        var hash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(profile))).Replace('+', '-').Replace('/', '_');
        return prefix + "_" + hash[..(27 - prefix.Length)];
    }

    private static IEnumerable<string> WorkloadChain(string chain, string profileChain) =>
    [
        RuleIds.Rule(chain, "-m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT"),
        RuleIds.Rule(chain, "-m conntrack --ctstate INVALID -j DROP"),
        RuleIds.Rule(chain, "-j MARK --set-xmark 0x0/0x10000"),
        RuleIds.Rule(chain, $"-j {profileChain}"),
        RuleIds.Rule(chain, $"-m mark --mark {AcceptMark} -j RETURN"),
        $"-A {chain} -m comment --comment \"Drop if no profiles matched\" -j DROP",
    ];
}
