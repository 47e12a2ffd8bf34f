using System.Text.RegularExpressions;

namespace NetDoctor.Collectors.Live;

/// <summary>
/// The complete list of commands the live collector can run. Every one only reads state; none changes the host.
/// Which ones actually run depends on what is installed (see <see cref="Plan"/>): iptables variants, the BIRD client
/// and socket, calicoctl (optional, skipped when absent), and ipvsadm only when the IPVS module is already loaded (running it would load it).
/// </summary>
public static partial class LiveCommands
{
    public const string CalicoBirdSocket = "/var/run/calico/bird.ctl";
    public const string CalicoBird6Socket = "/var/run/calico/bird6.ctl";
    public const string SystemBirdSocket = "/run/bird/bird.ctl";
    public const string IpvsProcFile = "/proc/net/ip_vs";

    public static LiveCommand Hostname { get; } = new("hostname", null, "hostname", [], "node name when --node-name is not given");

    public static IReadOnlyList<LiveCommand> All { get; } =
    [
        Hostname,
        new("ip-addr", "ip-addr.txt", "ip", ["addr"], "interface addresses (text, for people)"),
        new("ip-addr-json", "ip-addr.json", "ip", ["-j", "addr"], "interface addresses (JSON, parsed)"),
        new("ip-route", "ip-route.txt", "ip", ["route", "show", "table", "all"], "IPv4 routes of every table"),
        new("ip-route-v6", "ip-route-v6.txt", "ip", ["-6", "route", "show", "table", "all"], "IPv6 routes of every table"),
        new("ip-rule", "ip-rule.txt", "ip", ["rule"], "policy-routing rules"),
        new("ip-link", "ip-link.txt", "ip", ["link"], "interfaces and their state"),
        new("iptables-nft", "iptables-nft-save.txt", "iptables-nft-save", ["-c"], "iptables rules with counters (nf_tables backend)"),
        new("iptables-legacy", "iptables-legacy-save.txt", "iptables-legacy-save", ["-c"], "iptables rules with counters (legacy backend)"),
        new("iptables", "iptables-save.txt", "iptables-save", ["-c"], "iptables rules, when neither variant binary exists"),
        new("ip6tables", "ip6tables-save.txt", "ip6tables-save", ["-c"], "ip6tables rules with counters"),
        new("ipset", "ipset-list.txt", "ipset", ["list"], "ipsets and their members"),
        new("nft", "nft-ruleset.txt", "nft", ["list", "ruleset"], "nftables ruleset"),
        new("bird", "bird-protocols.txt", "birdcl", ["-r", "-s", CalicoBirdSocket, "show", "protocols"], "BGP sessions of calico-node's BIRD (birdc when birdcl is absent; restricted, read-only mode)"),
        new("bird6", "bird6-protocols.txt", "birdcl", ["-r", "-s", CalicoBird6Socket, "show", "protocols"], "IPv6 BGP sessions of calico-node's BIRD"),
        new("bird-system", "bird-protocols.txt", "birdcl", ["-r", "-s", SystemBirdSocket, "show", "protocols"], "BGP sessions of a system BIRD, when calico-node's socket is absent"),
        new("calicoctl", "calico-node-status.txt", "calicoctl", ["node", "status"], "Calico's view of its BGP peers"),
        .. KubernetesClusterCollector.CalicoResources.Select(plural => new LiveCommand(
            $"calicoctl-get-{plural}", $"cluster/calico/{plural}.yaml", "calicoctl", ["get", plural, "-o", "yaml"],
            $"Calico {plural} from an etcd datastore (only when the Kubernetes API has no Calico resources)", Datastore: true)),
        new("ipvsadm", "ipvsadm.txt", "ipvsadm", ["-Sn"], "IPVS virtual services (kube-proxy ipvs mode)"),
        new("processes", "processes.txt", "ps", ["-ww", "-eo", "user,pid,ppid,args"], "full command lines of kube-proxy, kube-apiserver, kubelet, calico-node (other processes dropped)"),
        new("sysctl", "sysctl.txt", "sysctl", ["-a"], "kernel settings (only net.* kept)"),
    ];

    public static LiveCommand ById(string id) => All.Single(c => c.Id == id);

    /// <summary>Decides what runs on this host and why the rest does not.</summary>
    internal static IReadOnlyList<PlannedCommand> Plan(ICommandRunner runner, Func<string, bool> pathExists)
    {
        var plan = new List<PlannedCommand>();
        foreach (var command in All)
        {
            if (command == Hostname) continue;
            plan.Add(command.Id switch
            {
                "iptables" when runner.Exists("iptables-nft-save") || runner.Exists("iptables-legacy-save") =>
                    PlannedCommand.Skipped(command, "covered by iptables-nft-save / iptables-legacy-save"),
                "iptables-nft" or "iptables-legacy" when !runner.Exists(command.Executable) && OtherIptables(command, runner) is { } other =>
                    PlannedCommand.Skipped(command, $"{command.Executable} not installed; {other} is used"),
                "bird" or "bird6" or "bird-system" => PlanBird(command, runner, pathExists),
                "ipvsadm" when !pathExists(IpvsProcFile) =>
                    PlannedCommand.Skipped(command, $"IPVS is not loaded ({IpvsProcFile} absent); ipvsadm is not run because it would load the module"),
                "calicoctl" when !runner.Exists("calicoctl") =>
                    PlannedCommand.Skipped(command, "calicoctl is not installed (optional; BIRD's own status is read through birdcl)"),
                _ when command.Datastore && !runner.Exists("calicoctl") =>
                    PlannedCommand.Skipped(command, "calicoctl is not installed (needed only when Calico keeps its resources in etcd)"),
                "processes" => new PlannedCommand(command, null, KeepComponentProcesses),
                "sysctl" => new PlannedCommand(command, null, KeepNetSysctls),
                _ => new PlannedCommand(command, null),
            });
        }
        return plan;
    }

    private static string? OtherIptables(LiveCommand command, ICommandRunner runner)
    {
        string other = command.Id == "iptables-nft" ? "iptables-legacy-save" : "iptables-nft-save";
        return runner.Exists(other) ? other : runner.Exists("iptables-save") ? "iptables-save" : null;
    }

    private static PlannedCommand PlanBird(LiveCommand command, ICommandRunner runner, Func<string, bool> pathExists)
    {
        string socket = command.Arguments[2];
        if (!pathExists(socket))
            return PlannedCommand.Skipped(command, $"no BIRD control socket at {socket}");
        if (command.Id == "bird-system" && pathExists(CalicoBirdSocket))
            return PlannedCommand.Skipped(command, "calico-node's BIRD socket is used instead");
        if (!runner.Exists("birdcl") && runner.Exists("birdc"))
            return new PlannedCommand(command with { Executable = "birdc" }, null);
        return new PlannedCommand(command, null);
    }

    /// <summary>Keeps the ps header and the processes NetDoctor diagnoses; other command lines are nobody's business.</summary>
    internal static string KeepComponentProcesses(string text)
    {
        var lines = text.Split('\n');
        return string.Join('\n', lines.Where((l, i) => i == 0 || ComponentProcess().IsMatch(l))) + "\n";
    }

    internal static string KeepNetSysctls(string text) =>
        string.Join('\n', text.Split('\n').Where(l => l.StartsWith("net.", StringComparison.Ordinal))) + "\n";

    [GeneratedRegex(@"(^|[\s/])(kube-proxy|kube-apiserver|kubelet|kube-controller-manager|hyperkube|calico-node|calico-felix|bird6?|confd|calico-typha)(\s|$)")]
    private static partial Regex ComponentProcess();
}

/// <summary>A command as planned for this host: run it (with an optional output filter) or skip it with a reason.</summary>
internal sealed record PlannedCommand(LiveCommand Command, string? SkipReason, Func<string, string>? Filter = null)
{
    public static PlannedCommand Skipped(LiveCommand command, string reason) => new(command, reason);
}
