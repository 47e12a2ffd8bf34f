using NetDoctor.Facts;
using NetDoctor.Packs.Diagnoses;
using NetDoctor.Rules.Calico.Facts;
using NRules.Fluent.Dsl;

namespace NetDoctor.Rules.Calico.Rules;

/// <summary>
/// Helper: a Calico Node resource whose spec.bgp.ipv4Address is not among its Kubernetes node's InternalIPs.
/// calico-node writes that field from IP autodetection; every other node builds its mesh session to it.
/// </summary>
[Name("calico/bgp-address-not-kubernetes-address")]
[Description("Calico Node BGP address differs from the Kubernetes InternalIP")]
[Tag("severity:info"), Tag("calico"), Tag("bgp"), Tag("helper")]
public sealed class BgpAddressNotKubernetesAddressRule : Rule
{
    public override void Define()
    {
        CalicoNode calicoNode = null!;
        KubeNode kubeNode = null!;

        When()
            .Match(() => calicoNode, c => c.Ipv4Address != null)
            .Match(() => kubeNode,
                k => k.Name == (calicoNode.KubernetesNodeName ?? calicoNode.Name),
                k => k.InternalIps.Any(ip => ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork),
                k => !k.InternalIps.Contains(calicoNode.Ipv4Address!.Value.Address));

        Then().Derive(() => new WrongBgpAddress
        {
            AffectedNode = kubeNode.Name,
            BgpAddress = calicoNode.Ipv4Address!.Value,
            SeenAs = "spec.bgp.ipv4Address of Calico Node " + calicoNode.Name,
            From = new Fact[] { calicoNode, kubeNode },
        });
    }
}
