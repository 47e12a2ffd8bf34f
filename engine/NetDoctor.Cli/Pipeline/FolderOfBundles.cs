using NetDoctor.Cli.Commands;
using NetDoctor.Collectors.Bundles;

namespace NetDoctor.Cli.Pipeline;

/// <summary>
/// `--bundle DIR` where DIR holds bundles (a folder of per-node .tar.gz files, or `samples/`): each bundle is read as its
/// own input with its own node names, exactly as if each had been given with --bundle — never merged into one node
/// named after the folder. Refused when that would mix things that do not belong together: data files beside the
/// bundles, or two bundles naming the same node (separate captures, like the samples, rather than one cluster).
/// </summary>
public static class FolderOfBundles
{
    /// <summary>The bundles to read instead of <paramref name="path"/>, or null when it is not a folder of bundles.</summary>
    public static IReadOnlyList<string>? Expand(string path)
    {
        if (BundleFolder.Inspect(path) is not { } contents) return null;
        if (contents.Others.Count > 0)
        {
            throw new UsageException($"{path} holds bundles ({Names(contents.Bundles)}) and other files ({Names(contents.Others)}): " +
                                     $"give each bundle with its own --bundle, e.g. --bundle {contents.Bundles[0]}");
        }

        return contents.Bundles;
    }

    /// <summary>Two bundles of one folder that name the same node are not one cluster's bundles: refuse rather than merge them.</summary>
    public static void RefuseSharedNodes(string folder, IReadOnlyList<string> bundles, FactBase facts)
    {
        var owners = facts.Inputs.Where(i => bundles.Contains(i.Path))
            .SelectMany(i => i.Nodes.Select(n => (Node: n, Bundle: Path.GetFileName(i.Path))))
            .GroupBy(x => x.Node, StringComparer.Ordinal)
            .FirstOrDefault(g => g.Count() > 1);
        if (owners is null) return;
        throw new UsageException($"{folder} holds {bundles.Count} bundles that are not one cluster: node {owners.Key} is in both " +
                                 $"{string.Join(" and ", owners.Select(o => o.Bundle).Take(2))}. Diagnose one at a time, e.g. " +
                                 $"--bundle {bundles[0]}, or give the bundles that belong together with a --bundle each");
    }

    private static string Names(IReadOnlyList<string> paths) =>
        string.Join(", ", paths.Take(5).Select(Path.GetFileName)) + (paths.Count > 5 ? $", … ({paths.Count} in all)" : "");
}
