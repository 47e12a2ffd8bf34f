using System.Text;

namespace NetDoctor.Lab.Tests.Lab.Calico;

/// <summary>A BIRD 1.6 config shaped like the one calico-node's confd renders for the node-to-node mesh:
/// router id = the node's BGP address, one <c>Mesh_&lt;peer ip with underscores&gt;</c> protocol per other node,
/// the node's IPAM blocks announced from a static blackhole, pool routes programmed into the kernel.</summary>
public sealed record BirdConfig(string NodeAddress, IReadOnlyList<string> PeerAddresses, IReadOnlyList<string> LocalBlocks, IReadOnlyList<string> PoolCidrs, int AsNumber = 64512)
{
    public static string ProtocolName(string peerAddress) => "Mesh_" + peerAddress.Replace('.', '_');

    public string Render()
    {
        var b = new StringBuilder();
        b.AppendLine("# BIRD config as calico-node's confd lays it out (node-to-node mesh), written by the NetDoctor lab.");
        b.AppendLine($"router id {NodeAddress};");
        b.AppendLine();
        b.AppendLine("function calico_aggr ()");
        b.AppendLine("{");
        foreach (var block in LocalBlocks)
        {
            b.AppendLine($"  if ( net = {block} ) then {{ accept; }}");
            b.AppendLine($"  if ( net ~ {block} ) then {{ reject; }}");
        }
        b.AppendLine("}");
        b.AppendLine();
        b.AppendLine("filter calico_export_to_bgp_peers {");
        b.AppendLine("  calico_aggr();");
        foreach (var pool in PoolCidrs) b.AppendLine($"  if ( net ~ {pool} ) then {{ accept; }}");
        b.AppendLine("  reject;");
        b.AppendLine("}");
        b.AppendLine();
        b.AppendLine("filter calico_kernel_programming {");
        foreach (var pool in PoolCidrs) b.AppendLine($"  if ( net ~ {pool} ) then {{ accept; }}");
        b.AppendLine("  accept;");
        b.AppendLine("}");
        b.AppendLine();
        b.AppendLine("protocol kernel {");
        b.AppendLine("  learn; persist; scan time 2; import all;");
        b.AppendLine("  export filter calico_kernel_programming;");
        b.AppendLine("  graceful restart; merge paths on;");
        b.AppendLine("}");
        b.AppendLine("protocol device { debug { states }; scan time 2; }");
        b.AppendLine("protocol direct { debug { states }; interface -\"cali*\", -\"kube-ipvs*\", \"*\"; }");
        if (LocalBlocks.Count > 0)
        {
            b.AppendLine("protocol static {");
            foreach (var block in LocalBlocks) b.AppendLine($"  route {block} blackhole;");
            b.AppendLine("}");
        }
        b.AppendLine();
        b.AppendLine("template bgp bgp_template {");
        b.AppendLine("  debug { states };");
        b.AppendLine("  description \"Connection to BGP peer\";");
        b.AppendLine($"  local as {AsNumber};");
        b.AppendLine("  multihop; gateway recursive; import all;");
        b.AppendLine("  export filter calico_export_to_bgp_peers;");
        // Calico also enables BGP graceful restart. Not here: every lab node starts BIRD in the same second, and with graceful restart
        // the peer's own simultaneous connection is taken for a restart and tears the fresh session down, over and over.
        b.AppendLine("  add paths on;");
        b.AppendLine("  connect delay time 2; connect retry time 5; error wait time 5,30;");
        b.AppendLine("}");
        foreach (var peer in PeerAddresses)
        {
            b.AppendLine();
            b.AppendLine($"protocol bgp {ProtocolName(peer)} from bgp_template {{");
            b.AppendLine($"  neighbor {peer} as {AsNumber};");
            b.AppendLine($"  source address {NodeAddress};");
            b.AppendLine("}");
        }
        return b.ToString();
    }
}
