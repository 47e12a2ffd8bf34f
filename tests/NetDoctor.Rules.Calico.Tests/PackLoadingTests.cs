using NetDoctor.Packs.Loading;
using NetDoctor.Rules.Calico.Tests.Support;

namespace NetDoctor.Rules.Calico.Tests;

/// <summary>The three built-in packs load without a single error or warning, and only the contract's ids diagnose.</summary>
public sealed class PackLoadingTests
{
    [Theory]
    [InlineData("calico")]
    [InlineData("kube-proxy")]
    [InlineData("node")]
    public void Pack_loads_cleanly_on_its_own(string pack)
    {
        var loaded = PackLoader.Load(RepoPaths.Pack(pack));
        loaded.Diagnostics.ShouldBeEmpty(string.Join("\n", loaded.Diagnostics));
        loaded.Rules.ShouldNotBeEmpty();
    }
}
