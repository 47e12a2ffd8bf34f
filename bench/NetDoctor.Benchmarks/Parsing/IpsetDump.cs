using System.Text;

namespace NetDoctor.Benchmarks.Parsing;

/// <summary>Generates `ipset list` / `ipset save` text for one big hash:net set (Calico host/pool sets grown large).</summary>
public static class IpsetDump
{
    public static string List(int members)
    {
        var sb = new StringBuilder(members * 20 + 512);
        sb.Append("Name: cali40all-hosts-net\nType: hash:net\nRevision: 7\n")
          .Append("Header: family inet hashsize 65536 maxelem 1048576 bucketsize 12 initval 0x6a1b2c3d\n")
          .Append("Size in memory: 4194304\nReferences: 2\nNumber of entries: ").Append(members).Append("\nMembers:\n");
        for (int i = 0; i < members; i++) Member(sb, i).Append('\n');
        return sb.ToString();
    }

    public static string Save(int members)
    {
        var sb = new StringBuilder(members * 40 + 256);
        sb.Append("create cali40all-hosts-net hash:net family inet hashsize 65536 maxelem 1048576 bucketsize 12 initval 0x6a1b2c3d\n");
        for (int i = 0; i < members; i++) Member(sb.Append("add cali40all-hosts-net "), i).Append('\n');
        return sb.ToString();
    }

    private static StringBuilder Member(StringBuilder sb, int i) =>
        i % 4 == 0
            ? sb.Append("10.").Append(i / 65536 % 256).Append('.').Append(i / 256 % 256).Append(".0/24")
            : sb.Append("172.").Append(16 + i / 65536 % 16).Append('.').Append(i / 256 % 256).Append('.').Append(i % 256);
}
