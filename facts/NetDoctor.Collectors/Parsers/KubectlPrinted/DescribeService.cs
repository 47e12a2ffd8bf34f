using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using NetDoctor.Collectors.Parsing;
using NetDoctor.Facts;

namespace NetDoctor.Collectors.Parsers.KubectlPrinted;

/// <summary>
/// A `kubectl describe service` block as the <see cref="KubeService"/> (ClusterIP, type, selector, ports) and the
/// <see cref="KubeEndpoints"/> (the addresses of its "Endpoints:" lines) the kubectl YAML reader gives for the same
/// objects. kubectl prints one "Port:" line per port, followed by its "TargetPort:", "NodePort:" and "Endpoints:";
/// "IPs:" (1.20+) or "IP:" holds the ClusterIP, "None" for a headless Service. What a describe cannot tell: endpoints
/// that are not ready (kubectl lists only ready addresses) and addresses past the "+ N more..." cut (reported).
/// Both facts sit at the block's "Name:" line.
/// </summary>
internal static partial class DescribeService
{
    public static void Read(DescribeBlock block, string name, ParseInput input, ParseResult result)
    {
        var source = input.At(block.Line);
        string ns = block.Value("Namespace") ?? "default";
        var ipsField = block["IPs"] ?? block["IP"];
        string? ipsText = PrintedValues.OrNull(ipsField?.Value);
        bool headless = ipsText == "None";
        var clusterIps = new List<IPAddress>();
        foreach (var text in headless ? [] : (ipsText ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (IPAddress.TryParse(text, out var ip)) clusterIps.Add(ip);
            else result.Problem(input.At(ipsField!.Line), $"service {ns}/{name}: ClusterIP '{Snippet.Of(text)}' is not an address");
        }

        var ports = new List<KubeServicePort>();
        var endpointPorts = new List<KubeEndpointPort>();
        var addresses = new List<IPAddress>();
        bool endpointsShown = false;
        (string? Name, string Protocol, int Port)? current = null;
        string? target = null;
        int? nodePort = null;

        void Close()
        {
            if (current is { } p) ports.Add(new KubeServicePort(p.Name, p.Protocol, p.Port, target, nodePort));
            current = null;
            target = null;
            nodePort = null;
        }

        foreach (var field in block.Fields)
        {
            switch (field.Key)
            {
                case "Port":
                    Close();
                    if (PortRegex().Match(field.Value) is { Success: true } port)
                        current = (NameOf(port), port.Groups["proto"].Value, int.Parse(port.Groups["port"].Value, CultureInfo.InvariantCulture));
                    else result.Problem(input.At(field.Line), $"service {ns}/{name}: port '{Snippet.Of(field.Value)}' is not NAME PORT/PROTOCOL");
                    break;
                case "TargetPort":
                    target = PrintedValues.OrNull(field.Value) is { } t ? t.Split('/')[0] : null;
                    break;
                case "NodePort":
                    if (PortRegex().Match(field.Value) is { Success: true } node) nodePort = int.Parse(node.Groups["port"].Value, CultureInfo.InvariantCulture);
                    break;
                case "Endpoints":
                    endpointsShown = true;
                    Endpoints(field, current, ns, name, addresses, endpointPorts, input, result);
                    break;
            }
        }
        Close();

        result.Add(new KubeService
        {
            Source = source,
            Namespace = ns,
            Name = name,
            Type = block.Value("Type") ?? "ClusterIP",
            ClusterIps = clusterIps,
            Headless = headless,
            Ports = ports,
            Selector = PrintedValues.Pairs(block.Value("Selector")),
            ExternalIps = Addresses(block.Value("External IPs")),
        });
        if (endpointsShown)
        {
            result.Add(new KubeEndpoints
            {
                Source = source,
                Namespace = ns,
                ServiceName = name,
                Addresses = addresses.Distinct().ToList(),
                Ports = endpointPorts.Distinct().ToList(),
            });
        }
    }

    /// <summary>"10.0.0.6:6443,10.0.0.7:6443", "&lt;none&gt;", or a list kubectl cut with "+ 3 more...".</summary>
    private static void Endpoints(DescribeField field, (string? Name, string Protocol, int Port)? port, string ns, string name,
        List<IPAddress> addresses, List<KubeEndpointPort> ports, ParseInput input, ParseResult result)
    {
        var text = PrintedValues.OrNull(field.Value) ?? "";
        var more = MoreRegex().Match(text);
        if (more.Success)
        {
            result.Problem(input.At(field.Line), $"service {ns}/{name}: kubectl printed only the first endpoints, {more.Groups[1].Value} more were cut (`kubectl get endpoints {name} -n {ns} -o yaml` lists all)");
            text = text[..more.Index];
        }
        foreach (var entry in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int colon = entry.LastIndexOf(':');
            var host = colon > 0 ? entry[..colon].Trim('[', ']') : entry;
            if (!IPAddress.TryParse(host, out var ip))
            {
                result.Problem(input.At(field.Line), $"service {ns}/{name}: endpoint '{Snippet.Of(entry)}' is not ADDRESS:PORT");
                continue;
            }
            addresses.Add(ip);
            if (colon > 0 && int.TryParse(entry[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var p))
                ports.Add(new KubeEndpointPort(port?.Name, p, port?.Protocol ?? "TCP"));
        }
    }

    private static string? NameOf(Match port) => port.Groups["name"].Success && port.Groups["name"].Value != "<unset>" ? port.Groups["name"].Value : null;

    private static List<IPAddress> Addresses(string? text) =>
        [.. (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(t => IPAddress.TryParse(t, out var ip) ? ip : null).OfType<IPAddress>()];

    // "https  443/TCP", "<unset>  80/TCP", "443/TCP" (an unnamed port of old kubectl), tabs in old output
    [GeneratedRegex(@"^(?:(?<name>\S+)\s+)?(?<port>\d+)/(?<proto>[A-Z]+)$")]
    private static partial Regex PortRegex();

    // "10.0.0.1:53,10.0.0.2:53 + 3 more..."
    [GeneratedRegex(@"\s*\+\s*(\d+)\s+more\.*\s*$")]
    private static partial Regex MoreRegex();
}
