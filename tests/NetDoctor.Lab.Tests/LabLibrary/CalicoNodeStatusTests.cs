using NetDoctor.Lab.Tests.Lab.Calico;

namespace NetDoctor.Lab.Tests.LabLibrary;

/// <summary>calico-node-status.txt is rendered from real BIRD output in calicoctl's layout (compared with seed 001's table).</summary>
public sealed class CalicoNodeStatusTests
{
    private const string Bird = """
        BIRD 1.6.8 ready.
        Access restricted
        name     proto    table    state  since       info
        kernel1  Kernel   master   up     20:29:59
        Mesh_192_188_1_1 BGP      master   start  20:29:59    Connect
        Mesh_10_2_7_202 BGP      master   up     20:30:01    Established
        """;

    [Fact]
    public void Mesh_peers_become_rows_with_calicoctls_borders_and_centred_header()
    {
        var text = CalicoNodeStatus.Render(Bird);
        text.ShouldBe("""
            Calico process is running.

            IPv4 BGP status
            +--------------+-------------------+-------+----------+-------------+
            | PEER ADDRESS |     PEER TYPE     | STATE |  SINCE   |    INFO     |
            +--------------+-------------------+-------+----------+-------------+
            | 192.188.1.1  | node-to-node mesh | start | 20:29:59 | Connect     |
            | 10.2.7.202   | node-to-node mesh | up    | 20:30:01 | Established |
            +--------------+-------------------+-------+----------+-------------+

            IPv6 BGP status
            No IPv6 peers found.


            """.Replace("\r\n", "\n"));
    }

    [Fact]
    public void No_bgp_protocols_means_no_peers_found()
    {
        CalicoNodeStatus.Render("BIRD 1.6.8 ready.\nname proto table state since info\nkernel1 Kernel master up 20:29:59\n")
            .ShouldContain("IPv4 BGP status\nNo IPv4 peers found.");
    }

    [Fact]
    public void Bird_lines_keep_multi_word_info()
    {
        var rows = BirdProtocolLine.Parse("Mesh_10_2_7_200 BGP      master   start  02:04:22    Active        Socket: Connection closed\n");
        rows.ShouldHaveSingleItem().Info.ShouldBe("Active Socket: Connection closed");
        rows[0].IsEstablished.ShouldBeFalse();
    }
}
