using NetDoctor.Facts;

namespace NetDoctor.Collectors.Components;

/// <summary>
/// Combines the per-source <see cref="ComponentSettings"/> the parsers produce (a command line, a config file, a pod's env)
/// into one merged <see cref="ComponentSettings"/> per node and component, plus the typed facts rules read
/// (<see cref="KubeProxySettings"/>, <see cref="ApiServerSettings"/>, <see cref="CalicoNodeSettings"/>).
/// Precedence is the components' own: config file, then environment, then flags (flags win). A config file is only
/// applied where the command line names one with --config, or where no command line is known at all, because
/// kube-proxy started without --config never reads its ConfigMap. Pure: facts in, facts out.
/// </summary>
public static class ComponentSettingsMerger
{
    public static IReadOnlyList<Fact> Merge(IEnumerable<Fact> facts)
    {
        var output = new List<Fact>();
        var raw = facts.OfType<ComponentSettings>().Where(s => !s.Merged).ToList();
        foreach (var group in raw.GroupBy(s => s.Component).OrderBy(g => g.Key))
        {
            var configs = group.Where(IsConfigFile).ToList();
            var commands = group.Where(s => !IsConfigFile(s)).ToList();
            // Node-less sources (a DaemonSet, the kube-proxy ConfigMap) apply to every node that has its own source;
            // when nothing is node-specific, the result is one node-less fact.
            List<string?> nodes = group.Select(s => s.Node).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Cast<string?>().ToList();
            if (nodes.Count == 0) nodes.Add(null);
            foreach (var node in nodes)
            {
                var nodeCommands = Pick(commands, node);
                var nodeConfig = configs.FirstOrDefault(c => c.Node == node) ?? configs.FirstOrDefault(c => c.Node is null);
                bool readsConfig = nodeCommands.Count == 0 || nodeCommands.Any(c => c.Settings.ContainsKey("config"));
                var merged = MergeOne(group.Key, node, readsConfig ? nodeConfig : null, nodeCommands);
                if (merged is null) continue;
                output.Add(merged);
                if (Typed(merged) is { } typed) output.Add(typed);
            }
        }
        return output;
    }

    /// <summary>Flags and env given for this node; a DaemonSet's (node-less) command line applies where none is node-specific.
    /// A running process (with a pid) is applied last, so it wins over a pod spec that may be stale.</summary>
    private static List<ComponentSettings> Pick(List<ComponentSettings> commands, string? node)
    {
        var own = commands.Where(c => c.Node == node).ToList();
        if (own.Count == 0) own = commands.Where(c => c.Node is null).ToList();
        return own.OrderBy(c => c.Pid is null ? 0 : 1).ToList();
    }

    private static ComponentSettings? MergeOne(ComponentKind component, string? node, ComponentSettings? config, List<ComponentSettings> commands)
    {
        if (config is null && commands.Count == 0) return null;
        var settings = new Dictionary<string, ComponentSetting>(StringComparer.Ordinal);
        if (config is not null)
            foreach (var s in config.Settings.Values) settings[s.Key] = s;
        foreach (var origin in new[] { SettingOrigin.Environment, SettingOrigin.Flag })
        {
            foreach (var command in commands)
            {
                foreach (var s in command.Settings.Values.Where(s => s.Origin == origin))
                {
                    var key = origin == SettingOrigin.Flag ? FlagConfigNames.Canonical(component, s.Key) : s.Key;
                    settings[key] = s with { Key = key };
                }
            }
        }

        var primary = commands.LastOrDefault() ?? config!;
        return new ComponentSettings
        {
            Source = primary.Source,
            Node = node,
            Component = component,
            Settings = settings,
            ConfigFile = commands.Select(c => c.ConfigFile).LastOrDefault(f => f is not null),
            Pid = commands.Select(c => c.Pid).LastOrDefault(p => p is not null),
            Merged = true,
        };
    }

    private static bool IsConfigFile(ComponentSettings s) => s.Settings.Count > 0 && s.Settings.Values.All(v => v.Origin == SettingOrigin.ConfigFile);

    /// <summary>The typed settings fact made for <paramref name="component"/> (see <see cref="Merge"/>); null when none is.</summary>
    public static Type? TypedType(ComponentKind component) => component switch
    {
        ComponentKind.KubeProxy => typeof(KubeProxySettings),
        ComponentKind.KubeApiServer => typeof(ApiServerSettings),
        ComponentKind.CalicoNode => typeof(CalicoNodeSettings),
        _ => null,
    };

    private static Fact? Typed(ComponentSettings merged) => merged.Component switch
    {
        ComponentKind.KubeProxy => TypedSettings.KubeProxy(merged),
        ComponentKind.KubeApiServer => TypedSettings.ApiServer(merged),
        ComponentKind.CalicoNode => TypedSettings.CalicoNode(merged),
        _ => null,
    };
}
