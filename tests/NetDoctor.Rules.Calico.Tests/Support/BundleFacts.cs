using NetDoctor.Collectors.Bundles;
using NetDoctor.Collectors.Components;
using NetDoctor.Facts;

namespace NetDoctor.Rules.Calico.Tests.Support;

/// <summary>
/// Reads bundles into facts as `netdoctor run` should see them. BundleReader does not yet merge component settings
/// (PostProcessing.Apply returns the facts unchanged), so KubeProxySettings / ApiServerSettings / CalicoNodeSettings
/// would be missing; the merge is added here when the reader has not done it. Reported to the lead.
/// </summary>
public static class BundleFacts
{
    public static IReadOnlyList<Fact> Read(params string[] bundles)
    {
        var facts = BundleReader.Read(bundles).Facts;
        if (facts.OfType<ComponentSettings>().Any(s => s.Merged)) return facts;
        return [.. facts, .. ComponentSettingsMerger.Merge(facts)];
    }
}
