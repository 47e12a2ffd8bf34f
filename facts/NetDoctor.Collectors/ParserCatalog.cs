using NetDoctor.Collectors.Parsers.Bird;
using NetDoctor.Collectors.Parsers.BirdConfig;
using NetDoctor.Collectors.Parsers.CalicoctlGet;
using NetDoctor.Collectors.Parsers.CalicoctlStatus;
using NetDoctor.Collectors.Parsers.CalicoV1;
using NetDoctor.Collectors.Parsers.ClusterConfig;
using NetDoctor.Collectors.Parsers.Ifconfig;
using NetDoctor.Collectors.Parsers.Ip;
using NetDoctor.Collectors.Parsers.Ipset;
using NetDoctor.Collectors.Parsers.Iptables;
using NetDoctor.Collectors.Parsers.Ipvsadm;
using NetDoctor.Collectors.Parsers.KubeProxyConfig;
using NetDoctor.Collectors.Parsers.Kubectl;
using NetDoctor.Collectors.Parsers.KubectlPrinted;
using NetDoctor.Collectors.Parsers.Logs;
using NetDoctor.Collectors.Parsers.Nft;
using NetDoctor.Collectors.Parsers.Processes;
using NetDoctor.Collectors.Parsers.RouteN;
using NetDoctor.Collectors.Parsers.Sysctl;
using NetDoctor.Collectors.Sniffing;

namespace NetDoctor.Collectors;

/// <summary>
/// The one table of every format parser. Order matters: when two parsers give a file the same sniff score,
/// the one listed first wins, so more specific formats come before more general ones (JSON before text,
/// `ip addr` before `ip link` whose lines it contains, container logs last because many formats look like logs, and
/// logs still in their runtime's wrapping just before them).
/// A test fails when an <see cref="Parsing.IFormatParser"/> in this assembly is missing here.
/// </summary>
public static class ParserCatalog
{
    public static IReadOnlyList<ParserEntry> All { get; } =
    [
        Shared(new IptablesSaveParser()),
        Shared(new IptablesListParser()),
        Shared(new NftRulesetParser()),
        Shared(new IpsetSaveParser()),
        Shared(new IpsetListParser()),
        Shared(new IpRouteJsonParser()),
        Shared(new IpAddrJsonParser()),
        Shared(new IpLinkJsonParser()),
        Shared(new IpRuleJsonParser()),
        Shared(new IpAddrParser()),
        Shared(new IpLinkParser()),
        Shared(new IpRouteParser()),
        Shared(new IpRuleParser()),
        Shared(new IfconfigParser()),
        Shared(new RouteNParser()),
        Shared(new BirdProtocolsParser()),
        Shared(new BirdConfigParser()),
        Shared(new CalicoctlNodeStatusParser()),
        Cluster(new CalicoctlGetParser()),
        Cluster(new CalicoV1NodeParser()),
        Shared(new IpvsadmParser()),
        Shared(new SysctlParser()),
        Node(new ProcessListParser()),
        Cluster(new KubeadmConfigParser()),
        Cluster(new KopsClusterParser()),
        Cluster(new K3sConfigParser()),
        Node(new ComponentConfigParser()),
        Cluster(new KubectlParser()),
        Cluster(new KubectlPrintedParser()),
        // Wrapped logs before plain container logs: a CRI or json-file log named "0.log" is claimed by both.
        Node(new CriLogParser()),
        Node(new DockerJsonLogParser()),
        Node(new SvlogdLogParser()),
        Node(new JournalctlParser()),
        Node(new ContainerLogParser()),
    ];

    public static ParserEntry? ByKind(string kind) => All.FirstOrDefault(e => e.Kind == kind);

    private static ParserEntry Node(Parsing.IFormatParser parser) => new(parser, FactScope.Node);

    /// <summary>A node format whose identical copies on several nodes are parsed once (<see cref="ParserEntry.Shareable"/>).</summary>
    private static ParserEntry Shared(Parsing.IFormatParser parser) => new(parser, FactScope.Node, Shareable: true);

    private static ParserEntry Cluster(Parsing.IFormatParser parser) => new(parser, FactScope.Cluster);
}
