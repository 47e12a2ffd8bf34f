using NetDoctor.Engine.Fluent;
using NetDoctor.Engine.RuleModel;
using NetDoctor.Facts;
using NetDoctor.Rules.Calico.Facts;
using NetDoctor.Rules.Calico.Remediation;

namespace NetDoctor.Rules.Calico.Rules;

/// <summary>
/// One diagnosis per node whose BGP address is wrong, whichever way it was seen (its own Calico Node resource, or its
/// peers dialling a stray interface of it), with what is needed to name the right interface and the commands.
/// </summary>
[RuleId("calico/bgp-peer-address-mismatch")]
[Title("Calico BGP address of a node is not its Kubernetes address")]
[Severity(RuleSeverity.Error)]
[Tags("calico", "bgp", "ip-autodetection")]
[RuleDescription("calico-node autodetected the wrong interface (first-found picks the first interface it finds), so the node mesh dials an address the node is not reachable on.")]
public sealed class BgpPeerAddressMismatchRule : Rule
{
    public override void Define()
    {
        IGrouping<string, WrongBgpAddress> wrong = null!;
        IReadOnlyList<KubeNode> kubeNodes = null!;
        IReadOnlyList<InterfaceAddress> addresses = null!;
        IReadOnlyList<KubePod> calicoPods = null!;
        IReadOnlyList<CalicoNodeSettings> settings = null!;
        IReadOnlyList<CalicoNode> calicoNodes = null!;

        When()
            .Query(() => wrong, q => q.Match<WrongBgpAddress>().GroupBy(w => w.AffectedNode))
            .Query(() => kubeNodes, q => q.Match<KubeNode>(k => k.Name == wrong.Key).Collect())
            .Query(() => calicoNodes, q => q.Match<CalicoNode>(c => (c.KubernetesNodeName ?? c.Name) == wrong.Key).Collect())
            .Query(() => addresses, q => q.Match<InterfaceAddress>(a => a.Node == wrong.Key).Collect())
            .Query(() => calicoPods, q => q.Match<KubePod>(p => p.Name.StartsWith("calico-node-")).Collect())
            .Query(() => settings, q => q.Match<CalicoNodeSettings>(s => s.Node == null || s.Node == wrong.Key).Collect());

        Then().Do(ctx => ctx.InsertLinked(BgpAddressReport.Build(
            new BgpAddressCase(wrong.Key, wrong.ToList(), kubeNodes, calicoNodes, addresses, calicoPods, settings))));
    }
}
