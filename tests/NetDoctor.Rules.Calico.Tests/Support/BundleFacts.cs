using NetDoctor.Collectors.Bundles;
using NetDoctor.Facts;

namespace NetDoctor.Rules.Calico.Tests.Support;

/// <summary>Reads bundles into facts exactly as `netdoctor run` does (BundleReader, component settings merged).</summary>
public static class BundleFacts
{
    public static IReadOnlyList<Fact> Read(params string[] bundles) => BundleReader.Read(bundles).Facts;
}
