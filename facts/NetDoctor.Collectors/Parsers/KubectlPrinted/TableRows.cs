using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using NetDoctor.Collectors.Parsing;
using NetDoctor.Facts;

namespace NetDoctor.Collectors.Parsers.KubectlPrinted;

/// <summary>
/// The facts one row of a `kubectl get nodes|pods|svc|endpoints` table stands for — the same fact types the kubectl
/// YAML reader gives, with what the table shows and nothing it does not.
/// </summary>
internal static partial class TableRows
{
    public static void Read(PrintedTable table, int line, Dictionary<string, string> cells, ParseInput input, ParseResult result)
    {
        var source = input.At(line);
        string? name = Name(cells.GetValueOrDefault("NAME"), table.Resource);
        if (name is null)
        {
            result.Problem(source, $"{table.Resource} row without a name");
            return;
        }
        string ns = cells.GetValueOrDefault("NAMESPACE") ?? table.Namespace ?? "default";
        // Names are DNS-like; anything else is not a row kubectl printed (damage, or text pasted into the table).
        if (!NameRegex().IsMatch(name) || !NameRegex().IsMatch(ns))
        {
            result.Problem(source, $"not a {table.Resource} row: '{Snippet.Of(name)}' is not an object name");
            return;
        }
        switch (table.Resource)
        {
            case "Node": result.Add(Node(name, cells, source, result)); break;
            case "Pod": result.Add(Pod(name, ns, cells, source, result)); break;
            case "Service": result.Add(Service(name, ns, cells, source, result)); break;
            case "Endpoints": result.Add(Endpoints(name, ns, cells, source, result)); break;
        }
    }

    /// <summary>The name without the "pod/" kubectl puts before it in `get all` and in `get pod/x`.</summary>
    private static string? Name(string? text, string resource)
    {
        if (PrintedValues.IsAbsent(text)) return null;
        int slash = text!.IndexOf('/');
        return slash > 0 ? text[(slash + 1)..] : text;
    }

    private static KubeNode Node(string name, Dictionary<string, string> cells, Source source, ParseResult result)
    {
        var addresses = new List<KubeNodeAddress>();
        foreach (var (column, type) in new[] { ("INTERNAL-IP", "InternalIP"), ("EXTERNAL-IP", "ExternalIP") })
        {
            foreach (var ip in Ips(cells, column, source, result, $"node {name}")) addresses.Add(new KubeNodeAddress(type, ip.ToString()));
        }
        var status = cells.GetValueOrDefault("STATUS")?.Split(',') ?? [];
        return new KubeNode
        {
            Source = source,
            Name = name,
            Addresses = addresses,
            Ready = status.Contains("Ready") ? true : status.Contains("NotReady") ? false : null,
        };
    }

    private static KubePod Pod(string name, string ns, Dictionary<string, string> cells, Source source, ParseResult result)
    {
        string? status = PrintedValues.OrNull(cells.GetValueOrDefault("STATUS"));
        var ready = PodStatus.Ready(cells.GetValueOrDefault("READY"));
        if (ready is null && cells.ContainsKey("READY")) result.Problem(source, $"pod {name}: READY '{Snippet.Of(cells["READY"])}' is not ready/total");
        int? restarts = PodStatus.Restarts(cells.GetValueOrDefault("RESTARTS"));
        if (restarts is null && cells.ContainsKey("RESTARTS")) result.Problem(source, $"pod {name}: RESTARTS '{Snippet.Of(cells["RESTARTS"])}' is not a count");
        return new KubePod
        {
            Source = source,
            Namespace = ns,
            Name = name,
            NodeName = PrintedValues.OrNull(cells.GetValueOrDefault("NODE")),
            PodIps = Ips(cells, "IP", source, result, $"pod {name}"),
            Phase = PodStatus.Phase(status),
            Containers = ready is { } r ? PodStatus.Containers(r.Ready, r.Total, restarts ?? 0, status) : [],
        };
    }

    private static KubeService Service(string name, string ns, Dictionary<string, string> cells, Source source, ParseResult result)
    {
        string type = PrintedValues.OrNull(cells.GetValueOrDefault("TYPE")) ?? "ClusterIP";
        string? clusterIp = cells.GetValueOrDefault("CLUSTER-IP") ?? cells.GetValueOrDefault("CLUSTER_IP");
        bool headless = clusterIp == "None";
        var ports = new List<KubeServicePort>();
        foreach (var part in (PrintedValues.OrNull(cells.GetValueOrDefault("PORT(S)")) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var m = PortRegex().Match(part);
            if (!m.Success) { result.Problem(source, $"service {ns}/{name}: port '{Snippet.Of(part)}' is not port[:nodePort]/protocol"); continue; }
            ports.Add(new KubeServicePort(null, m.Groups[3].Value, int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), null,
                m.Groups[2].Success ? int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) : null));
        }
        var external = PrintedValues.Ips(cells.GetValueOrDefault("EXTERNAL-IP") ?? cells.GetValueOrDefault("EXTERNAL_IP"), out var names);
        // An ExternalName service prints its DNS name there; anything else that is not an address is damage.
        if (names.Count > 0 && type != "ExternalName") result.Problem(source, $"service {ns}/{name}: EXTERNAL-IP '{Snippet.Of(string.Join(",", names))}' is not an address");
        return new KubeService
        {
            Source = source,
            Namespace = ns,
            Name = name,
            Type = type,
            ClusterIps = headless ? [] : Ips(cells, cells.ContainsKey("CLUSTER-IP") ? "CLUSTER-IP" : "CLUSTER_IP", source, result, $"service {ns}/{name}"),
            Headless = headless,
            Ports = ports,
            Selector = PrintedValues.Pairs(cells.GetValueOrDefault("SELECTOR")),
            ExternalIps = external,
        };
    }

    private static KubeEndpoints Endpoints(string name, string ns, Dictionary<string, string> cells, Source source, ParseResult result)
    {
        var addresses = new List<IPAddress>();
        var ports = new List<KubeEndpointPort>();
        var text = PrintedValues.OrNull(cells.GetValueOrDefault("ENDPOINTS")) ?? "";
        var more = MoreRegex().Match(text);
        if (more.Success)
        {
            result.Problem(source, $"endpoints {ns}/{name}: kubectl printed only the first addresses, {more.Groups[1].Value} more were cut (`kubectl get endpoints {name} -n {ns} -o yaml` lists all)");
            text = text[..more.Index];
        }
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var m = EndpointRegex().Match(part);
            if (!m.Success || !IPAddress.TryParse(m.Groups[1].Value, out var ip)) { result.Problem(source, $"endpoints {ns}/{name}: '{Snippet.Of(part)}' is not address:port"); continue; }
            if (!addresses.Contains(ip)) addresses.Add(ip);
            int port = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
            // The table does not print protocols: "" says unknown rather than guessing TCP.
            if (!ports.Any(p => p.Port == port)) ports.Add(new KubeEndpointPort(null, port, ""));
        }
        return new KubeEndpoints { Source = source, Namespace = ns, ServiceName = name, Addresses = addresses, Ports = ports };
    }

    private static List<IPAddress> Ips(Dictionary<string, string> cells, string column, Source source, ParseResult result, string what)
    {
        var ips = PrintedValues.Ips(cells.GetValueOrDefault(column), out var bad);
        if (bad.Count > 0) result.Problem(source, $"{what}: {column} '{Snippet.Of(string.Join(",", bad))}' is not an address");
        return ips;
    }

    [GeneratedRegex(@"^[A-Za-z0-9]([-A-Za-z0-9._:@]{0,251}[A-Za-z0-9])?$")]
    private static partial Regex NameRegex();

    // 80/TCP, 80:30080/TCP, 53/UDP
    [GeneratedRegex(@"^(\d{1,5})(?::(\d{1,5}))?/(TCP|UDP|SCTP)$")]
    private static partial Regex PortRegex();

    // 10.42.0.18:53, [fd00::1]:53
    [GeneratedRegex(@"^\[?([0-9A-Fa-f:.]+?)\]?:(\d{1,5})$")]
    private static partial Regex EndpointRegex();

    // "10.0.0.1:53,10.0.0.2:53 + 3 more..."
    [GeneratedRegex(@"\s*\+\s*(\d+)\s+more\.*\s*$")]
    private static partial Regex MoreRegex();
}
