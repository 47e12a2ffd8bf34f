using NetDoctor.Facts;

namespace NetDoctor.Collectors.Parsers.Processes;

/// <summary>One command-line word and the line it was read on.</summary>
public readonly record struct Arg(string Text, Source Source);

/// <summary>
/// Recognises a component from its argv (kube-proxy, kube-apiserver, kubelet, calico-node, kube-controller-manager,
/// also behind hyperkube) and reads its flags the way Go's flag packages accept them: "--flag=value", "--flag value",
/// "-flag=value", and a bare boolean "--masquerade-all".
/// </summary>
public static class ComponentCommandLine
{
    // Boolean flags must not swallow the next word as their value (Go requires "--flag=false" to negate them).
    private static readonly HashSet<string> BooleanFlags = new(StringComparer.Ordinal)
    {
        "masquerade-all", "cleanup", "cleanup-ipvs", "allow-privileged", "enable-bootstrap-token-auth", "anonymous-auth",
        "profiling", "ipvs-strict-arp", "enable-aggregator-routing", "insecure-skip-tls-verify", "felix", "bird", "bird6",
        "confd", "startup", "allocate-node-cidrs", "use-service-account-credentials", "fail-swap-on", "rotate-certificates",
        "init", "monitor-addresses", "monitor-token", "allocate-tunnel-addrs", "shutdown", "hostname-override-from-node-name",
    };

    public static ComponentKind? Identify(IReadOnlyList<string> argv, out int firstArg)
    {
        firstArg = 1;
        if (argv.Count == 0) return null;
        var exe = BaseName(argv[0]);
        if (exe == "hyperkube" && argv.Count > 1)
        {
            firstArg = 2;
            return ByName(argv[1]);
        }
        return ByName(exe);
    }

    public static ComponentKind? ByName(string name) => BaseName(name) switch
    {
        "kube-proxy" or "proxy" => ComponentKind.KubeProxy,
        "kube-apiserver" or "apiserver" => ComponentKind.KubeApiServer,
        "kubelet" => ComponentKind.Kubelet,
        "calico-node" => ComponentKind.CalicoNode,
        "kube-controller-manager" or "controller-manager" => ComponentKind.KubeControllerManager,
        _ => null,
    };

    /// <summary>Reads the flags of a recognised command line; null when argv is not one of the components.</summary>
    public static ComponentSettings? Read(IReadOnlyList<Arg> argv, string? node, int? pid, Source factSource)
    {
        var kind = Identify(argv.Select(a => a.Text).ToList(), out int first);
        return kind is null ? null : ReadFlags(kind.Value, argv, first, node, pid, factSource);
    }

    public static ComponentSettings ReadFlags(ComponentKind kind, IReadOnlyList<Arg> argv, int first, string? node, int? pid, Source factSource)
    {
        var settings = new Dictionary<string, ComponentSetting>(StringComparer.Ordinal);
        for (int i = first; i < argv.Count; i++)
        {
            var word = argv[i].Text;
            if (!word.StartsWith('-') || word == "-" || word == "--") continue;
            var flag = word.TrimStart('-');
            string key, value;
            int eq = flag.IndexOf('=');
            if (eq >= 0)
            {
                key = flag[..eq];
                value = flag[(eq + 1)..];
            }
            else if (!BooleanFlags.Contains(flag) && i + 1 < argv.Count && !argv[i + 1].Text.StartsWith('-'))
            {
                key = flag;
                value = argv[++i].Text;
            }
            else
            {
                key = flag;
                value = "true";
            }
            if (key.Length == 0) continue;
            settings[key] = new ComponentSetting(key, Unquote(value), SettingOrigin.Flag, argv[i].Source);
        }
        settings.TryGetValue("config", out var config);
        return new ComponentSettings
        {
            Source = factSource,
            Node = node,
            Component = kind,
            Settings = settings,
            Pid = pid,
            ConfigFile = kind is ComponentKind.KubeProxy or ComponentKind.Kubelet ? config?.Value : null,
        };
    }

    private static string BaseName(string path)
    {
        int slash = path.LastIndexOf('/');
        return slash < 0 ? path : path[(slash + 1)..];
    }

    /// <summary>Shell-style quotes survive in `ps` output of scripts ("--cluster-cidr='10.0.0.0/16'").</summary>
    private static string Unquote(string value) =>
        value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[^1] == value[0] ? value[1..^1] : value;
}
