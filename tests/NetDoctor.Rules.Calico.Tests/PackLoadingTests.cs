using NetDoctor.Rules.Calico.Tests.Support;

namespace NetDoctor.Rules.Calico.Tests;

/// <summary>The built-in packs load without a single error or warning with the base pack they require, and not without it.</summary>
public sealed class PackLoadingTests
{
    [Theory]
    [InlineData("cluster")]
    [InlineData("calico")]
    [InlineData("kube-proxy")]
    [InlineData("node")]
    public void Pack_loads_cleanly_with_the_base_pack(string pack)
    {
        var loaded = PackRun.Host.Packs.LoadOnly(PackRun.WithBase(RepoPaths.Pack(pack)));
        loaded.Diagnostics.ShouldBeEmpty(string.Join("\n", loaded.Diagnostics));
        loaded.Rules.ShouldNotBeEmpty();
    }

    [Theory]
    [InlineData("calico")]
    [InlineData("kube-proxy")]
    [InlineData("node")]
    public void Without_the_cluster_pack_its_requirement_is_an_error_at_its_line(string pack)
    {
        var loaded = PackRun.Host.Packs.LoadOnly([RepoPaths.Pack(pack)]);

        // Reported first: the rules' unknown fact types that follow are its consequence.
        var error = loaded.Errors.First();
        error.Code.ShouldBe("requires");
        loaded.Errors.Count(e => e.Code == "requires").ShouldBe(1);
        error.Mark.File.ShouldEndWith($"{pack}/pack.yaml");
        File.ReadAllLines(RepoPaths.Pack(pack) + "/pack.yaml")[error.Mark.Line - 1].ShouldContain("- cluster");
        error.Message.ShouldStartWith($"pack '{pack}' requires pack 'cluster', which is not loaded");
    }

    [Fact]
    public void The_calico_pack_contributes_its_chain_name_helpers_to_the_function_table()
    {
        var loaded = PackRun.Host.Packs.LoadOnly(PackRun.WithBase(RepoPaths.Pack("calico")));

        var calico = loaded.Sandbox.Functions.All.Where(f => f.Name.StartsWith("Calico.", StringComparison.Ordinal)).ToList();
        calico.Select(f => f.Name).ShouldBe(["Calico.ChainName", "Calico.ProfileIngressChain", "Calico.ProfileEgressChain"], ignoreOrder: true);
        calico.ShouldAllBe(f => f.Pack == "calico" && f.Description.Length > 10);
    }
}
