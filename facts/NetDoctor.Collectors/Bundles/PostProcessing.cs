using NetDoctor.Collectors.Components;
using NetDoctor.Facts;

namespace NetDoctor.Collectors.Bundles;

/// <summary>
/// Steps that need facts from several files at once and therefore cannot live in a (single-file) parser,
/// run once after every input has been read: component settings from command lines, config files and
/// ConfigMaps are merged the way the components themselves merge them (flags win); an interface listed by both
/// `ip addr` and `ip link` becomes one fact.
/// </summary>
internal static class PostProcessing
{
    /// <summary>The facts these steps read, which a demand filter must not drop before they run.</summary>
    public static bool Reads(Fact fact) => fact is NetworkLink or ComponentSettings;

    /// <summary>
    /// The fact types these steps make of <paramref name="fact"/> (beside its own type): when a file is cut, what it
    /// held is missing from them too — a kube-proxy config file cut leaves <see cref="KubeProxySettings"/> merged from
    /// the command line alone.
    /// </summary>
    public static IEnumerable<Type> Makes(Fact fact) =>
        fact is ComponentSettings { } settings && ComponentSettingsMerger.TypedType(settings.Component) is { } typed ? [typed] : [];

    public static IReadOnlyList<Fact> Apply(List<Fact> facts, List<Problem> problems)
    {
        DuplicateLinks.Remove(facts);
        try
        {
            facts.AddRange(ComponentSettingsMerger.Merge(facts));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A bug in a merge step must not cost the facts already read.
            problems.Add(new Problem(Source.Unknown, $"merging component settings failed ({ex.GetType().Name}: {ex.Message}); unmerged settings are kept"));
        }
        return facts;
    }
}
