using NetDoctor.Collectors.Parsing;
using NetDoctor.Facts;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace NetDoctor.Collectors.Bundles;

/// <summary>
/// Reads the manifest.yaml `netdoctor collect` writes and turns what failed during collection (a missing tool,
/// permission denied, a timeout, an unreachable API server) into problems, so a diagnosis made from the bundle
/// says which evidence is missing and why instead of silently lacking it.
/// </summary>
internal static class ManifestReader
{
    public static IEnumerable<Problem> CollectionFailures(byte[]? manifest)
    {
        if (manifest is null || TextDecoder.Decode(manifest) is not { } text) return [];
        var problems = new List<Problem>();
        try
        {
            var stream = new YamlStream();
            stream.Load(new GuardedYamlParser(new Parser(new StringReader(text))));
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root) return [];
            // Written first as incomplete and replaced when collect ends (older manifests have no such entry).
            if (Child(root, "collection") is YamlMappingNode collection && Scalar(collection, "status") is { } status and not "complete")
            {
                problems.Add(new Problem(new Source(ManifestName, (int)collection.Start.Line),
                    $"incomplete bundle: collection {(status == "interrupted" ? "was interrupted" : "did not finish")}: {Scalar(collection, "note") ?? status}"));
            }

            if (Child(root, "commands") is YamlSequenceNode commands)
            {
                foreach (var command in commands.OfType<YamlMappingNode>())
                {
                    if (Scalar(command, "status") != "failed") continue;
                    problems.Add(new Problem(new Source(ManifestName, (int)command.Start.Line),
                        $"collection: `{Scalar(command, "command")}` failed: {Scalar(command, "reason") ?? "no reason recorded"}; its evidence is missing"));
                }
            }

            if (Child(root, "cluster") is YamlMappingNode cluster && Scalar(cluster, "status") is "failed" or "partial")
            {
                problems.Add(new Problem(new Source(ManifestName, (int)cluster.Start.Line),
                    $"collection: cluster objects {Scalar(cluster, "status")}: {Scalar(cluster, "reason") ?? "no reason recorded"}"));
            }
        }
        catch (YamlLimitException ex)
        {
            problems.Add(new Problem(new Source(ManifestName, ex.Line), $"manifest not read: {ex.Message}"));
        }
        catch (YamlException ex)
        {
            problems.Add(new Problem(new Source(ManifestName, (int)ex.Start.Line), $"manifest is not valid YAML: {ex.Message}"));
        }
        return problems;
    }

    private const string ManifestName = "manifest.yaml";

    private static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    private static string? Scalar(YamlMappingNode map, string key) => (Child(map, key) as YamlScalarNode)?.Value;
}
