using NetDoctor.Facts;
using NetDoctor.Packs.Diagnoses;
using NetDoctor.Rules.Calico.Facts;
using NetDoctor.Rules.Calico.Remediation;
using NRules.Fluent.Dsl;

namespace NetDoctor.Rules.Calico.Rules;

/// <summary>
/// One diagnosis per node whose BGP address is wrong, whichever way it was seen (its own Calico Node resource, or its
/// peers dialling a stray interface of it), with what is needed to name the right interface and the commands.
/// calico-node autodetected the wrong interface (first-found picks the first interface it finds), so the node mesh
/// dials an address the node is not reachable on.
/// </summary>
[Name("calico/bgp-peer-address-mismatch")]
[Description("Calico BGP address of a node is not its Kubernetes address")]
[Tag("severity:error"), Tag("calico"), Tag("bgp"), Tag("ip-autodetection")]
public sealed class BgpPeerAddressMismatchRule : Rule
{
    public override void Define()
    {
        IGrouping<string, WrongBgpAddress> wrong = null!;
        IEnumerable<KubeNode> kubeNodes = null!;
        IEnumerable<InterfaceAddress> addresses = null!;
        IEnumerable<KubePod> calicoPods = null!;
        IEnumerable<CalicoNodeSettings> settings = null!;
        IEnumerable<CalicoNode> calicoNodes = null!;

        When()
            .Query(() => wrong, q => q.Match<WrongBgpAddress>().GroupBy(w => w.AffectedNode))
            .Query(() => kubeNodes, q => q.Match<KubeNode>(k => k.Name == wrong.Key).Collect())
            .Query(() => calicoNodes, q => q.Match<CalicoNode>(c => (c.KubernetesNodeName ?? c.Name) == wrong.Key).Collect())
            .Query(() => addresses, q => q.Match<InterfaceAddress>(a => a.Node == wrong.Key).Collect())
            .Query(() => calicoPods, q => q.Match<KubePod>(p => p.Name.StartsWith("calico-node-")).Collect())
            .Query(() => settings, q => q.Match<CalicoNodeSettings>(s => s.Node == null || s.Node == wrong.Key).Collect());

        // NRules' Collect yields a live IEnumerable; the case takes snapshots so the diagnosis keeps what it was built from.
        // The findings are derived by two helper rules whose firing order is the runtime's business: sorting them makes
        // the report the same on either runtime.
        Then().Diagnose(d => BgpAddressReport.Describe(d, new BgpAddressCase(
            wrong.Key, wrong.OrderBy(w => w.SeenAs, StringComparer.Ordinal).ToList(), kubeNodes.ToList(), calicoNodes.ToList(), addresses.ToList(), calicoPods.ToList(), settings.ToList())));
    }
}
