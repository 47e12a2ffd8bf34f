using System.Globalization;
using System.Net;
using NetDoctor.Collectors.Parsing;
using NetDoctor.Facts;

namespace NetDoctor.Collectors.Parsers.KubectlPrinted;

/// <summary>
/// `kubectl describe node` and `kubectl describe pod` blocks (and, through <see cref="DescribeService"/>, services) as the facts the kubectl YAML reader gives for the same
/// objects (<see cref="KubeNode"/>, <see cref="KubePod"/>), plus their events. Each fact's line is the block's "Name:".
/// </summary>
internal static class DescribeObjects
{
    /// <summary>The kind a block describes: by the command above it, else by the fields only that kind has.</summary>
    public static string? KindOf(DescribeBlock block, string? commandResource)
    {
        if (commandResource is "Node" or "Pod" or "Service") return commandResource;
        if (commandResource is not null && commandResource != "all") return commandResource;
        if (block["Roles"] is not null || block["Taints"] is not null || block["Addresses"] is not null || block["PodCIDR"] is not null) return "Node";
        if (block["Containers"] is not null || block["Namespace"] is not null && block["Node"] is not null) return "Pod";
        if (block["Endpoints"] is not null || block["TargetPort"] is not null || block["Session Affinity"] is not null) return "Service";
        return null;
    }

    public static void Node(DescribeBlock block, string name, ParseInput input, ParseResult result)
    {
        var source = input.At(block.Line);
        var addresses = new List<KubeNodeAddress>();
        foreach (var a in block["Addresses"]?.Fields ?? [])
        {
            if (a.Key is "InternalIP" or "ExternalIP" && !IPAddress.TryParse(a.Value, out _))
                result.Problem(input.At(a.Line), $"node {name}: {a.Key} '{Snippet.Of(a.Value)}' is not an address");
            else addresses.Add(new KubeNodeAddress(a.Key, a.Value));
        }
        var cidrs = new List<Cidr>();
        var cidrField = block["PodCIDRs"] ?? block["PodCIDR"];
        foreach (var text in (PrintedValues.OrNull(cidrField?.Value) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (Cidr.TryParse(text, out var c) && text.Contains('/')) cidrs.Add(c);
            else result.Problem(input.At(cidrField!.Line), $"node {name}: pod CIDR '{Snippet.Of(text)}' is not a CIDR");
        }
        var labels = Pairs(block["Labels"], '=');
        var annotations = Pairs(block["Annotations"], ':');
        result.Add(new KubeNode
        {
            Source = source,
            Name = name,
            Addresses = addresses,
            PodCidrs = cidrs,
            Ready = Ready(block["Conditions"]),
            CalicoAnnotations = annotations.Where(a => a.Key.StartsWith("projectcalico.org/", StringComparison.Ordinal)).ToDictionary(a => a.Key, a => a.Value),
            Labels = labels,
        });
        DescribeEvents.Read(block["Events"], "Node", name, null, name, input, result);
    }

    public static void Pod(DescribeBlock block, string name, ParseInput input, ParseResult result)
    {
        var source = input.At(block.Line);
        string ns = block.Value("Namespace") ?? "default";
        // "Node:  k8s01/192.168.21.10" (or "<none>" before scheduling)
        string? nodeText = block.Value("Node");
        string? node = nodeText?.Split('/')[0];
        IPAddress? hostIp = nodeText?.Split('/') is [_, var ip] && IPAddress.TryParse(ip, out var h) ? h : null;
        // "IPs:" lists every address (dual stack); "IP:" the first. Either may be damaged in a paste: read what reads.
        var ips = Addresses(block["IPs"]?.Fields.Where(f => f.Key == "IP") ?? [], ns, name, input, result);
        var first = Addresses(block["IP"] is { } single ? [single] : [], ns, name, input, result);
        if (ips.Count == 0) ips = first;
        result.Add(new KubePod
        {
            Source = source,
            Namespace = ns,
            Name = name,
            NodeName = node,
            PodIps = ips,
            HostIp = hostIp,
            // A host-network pod has its node's address: kubectl describe says nothing else about it.
            HostNetwork = hostIp is not null && ips.Contains(hostIp),
            Phase = PodStatus.Phase(block.Value("Status")),
            ServiceAccount = block.Value("Service Account"),
            Containers = (block["Containers"]?.Fields ?? []).Select(c => Container(c, input, result)).ToList(),
            Labels = Pairs(block["Labels"], '='),
            Owner = block.Value("Controlled By"),
        });
        DescribeEvents.Read(block["Events"], "Pod", name, ns, node, input, result);
    }

    private static List<IPAddress> Addresses(IEnumerable<DescribeField> fields, string ns, string name, ParseInput input, ParseResult result)
    {
        var ips = new List<IPAddress>();
        foreach (var f in fields)
        {
            if (PrintedValues.IsAbsent(f.Value)) continue;
            if (IPAddress.TryParse(f.Value, out var ip) && (f.Value.Contains(':') || f.Value.Count(c => c == '.') == 3)) ips.Add(ip);
            else result.Problem(input.At(f.Line), $"pod {ns}/{name}: IP '{Snippet.Of(f.Value)}' is not an address");
        }
        return ips;
    }

    private static KubeContainerStatus Container(DescribeField c, ParseInput input, ParseResult result)
    {
        var state = c["State"];
        var last = c["Last State"];
        int restarts = 0;
        if (c["Restart Count"] is { } rc && !int.TryParse(rc.Value, NumberStyles.None, CultureInfo.InvariantCulture, out restarts))
            result.Problem(input.At(rc.Line), $"container {c.Key}: Restart Count '{Snippet.Of(rc.Value)}' is not a count");
        int? exit = int.TryParse(last?["Exit Code"]?.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int e) ? e : null;
        return new KubeContainerStatus(
            c.Key,
            c["Ready"]?.Value == "True",
            restarts,
            PrintedValues.OrNull(state?.Value)?.ToLowerInvariant(),
            PrintedValues.OrNull(state?["Reason"]?.Value),
            PrintedValues.OrNull(last?["Reason"]?.Value),
            exit);
    }

    /// <summary>The Ready row of the "Conditions:" table: True, False, or null (Unknown, or no such row).</summary>
    private static bool? Ready(DescribeField? conditions)
    {
        foreach (var (_, text) in conditions?.Lines ?? [])
        {
            var words = text.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (words is ["Ready", "True", ..]) return true;
            if (words is ["Ready", "False", ..]) return false;
        }
        return null;
    }

    /// <summary>"k=v" (labels) or "k: v" (annotations) entries of a multi-line field.</summary>
    private static Dictionary<string, string> Pairs(DescribeField? field, char separator)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (_, text) in field?.Entries() ?? [])
        {
            int at = text.IndexOf(separator);
            if (at > 0) map[text[..at].Trim()] = text[(at + 1)..].Trim();
        }
        return map;
    }
}
