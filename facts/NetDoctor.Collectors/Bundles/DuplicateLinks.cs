using NetDoctor.Facts;

namespace NetDoctor.Collectors.Bundles;

/// <summary>
/// `ip addr` lists every interface as well as its addresses, so a bundle with both ip-addr and ip-link output describes
/// each interface twice. One interface is one fact: the `ip link` listing (the dedicated source) is kept, the copy from
/// `ip addr` dropped. Where only `ip addr` exists (calicoctl node diags), its links are the only ones and stay.
/// </summary>
internal static class DuplicateLinks
{
    public static void Remove(List<Fact> facts)
    {
        var keep = new Dictionary<(string? Node, string Name), NetworkLink>();
        foreach (var link in facts.OfType<NetworkLink>())
        {
            var key = (link.Node, link.Name);
            if (!keep.TryGetValue(key, out var kept) || (!FromLinkListing(kept) && FromLinkListing(link)))
                keep[key] = link;
        }
        facts.RemoveAll(f => f is NetworkLink link && !ReferenceEquals(keep[(link.Node, link.Name)], link));
    }

    private static bool FromLinkListing(NetworkLink link) =>
        Path.GetFileName(link.Source.File).Contains("link", StringComparison.OrdinalIgnoreCase);
}
