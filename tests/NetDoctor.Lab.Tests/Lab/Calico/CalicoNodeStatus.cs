using System.Text;

namespace NetDoctor.Lab.Tests.Lab.Calico;

/// <summary>Renders `calicoctl node status` from BIRD's real `show protocols`: calicoctl reads the same table from BIRD
/// and prints mesh peers (protocols named Mesh_a_b_c_d) in a bordered table.</summary>
public static class CalicoNodeStatus
{
    private static readonly string[] Header = ["PEER ADDRESS", "PEER TYPE", "STATE", "SINCE", "INFO"];

    public static string Render(string birdShowProtocols)
    {
        var rows = BirdProtocolLine.Parse(birdShowProtocols)
            .Where(p => p.Proto == "BGP")
            .Select(p => new[] { PeerAddress(p.Name), p.Name.StartsWith("Mesh_") ? "node-to-node mesh" : "global", p.State, p.Since, p.Info })
            .ToList();
        var b = new StringBuilder();
        b.AppendLine("Calico process is running.");
        b.AppendLine();
        b.AppendLine("IPv4 BGP status");
        if (rows.Count == 0) b.AppendLine("No IPv4 peers found.");
        else AppendTable(b, rows);
        b.AppendLine();
        b.AppendLine("IPv6 BGP status");
        b.AppendLine("No IPv6 peers found.");
        b.AppendLine();
        return b.ToString();
    }

    private static string PeerAddress(string protocol) =>
        protocol.StartsWith("Mesh_") ? protocol["Mesh_".Length..].Replace('_', '.') : protocol;

    private static void AppendTable(StringBuilder b, List<string[]> rows)
    {
        var widths = Header.Select((h, i) => Math.Max(h.Length, rows.Max(r => r[i].Length))).ToArray();
        var border = "+" + string.Join("+", widths.Select(w => new string('-', w + 2))) + "+";
        b.AppendLine(border);
        b.AppendLine("|" + string.Join("|", Header.Select((h, i) => Centre(h, widths[i]))) + "|");
        b.AppendLine(border);
        foreach (var row in rows) b.AppendLine("|" + string.Join("|", row.Select((c, i) => " " + c.PadRight(widths[i]) + " ")) + "|");
        b.AppendLine(border);
    }

    private static string Centre(string text, int width)
    {
        var left = (width - text.Length) / 2;
        return " " + new string(' ', left) + text + new string(' ', width - text.Length - left) + " ";
    }
}
