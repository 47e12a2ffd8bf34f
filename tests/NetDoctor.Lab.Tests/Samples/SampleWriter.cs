using NetDoctor.Lab.Tests.Cli;
using NetDoctor.Lab.Tests.Lab.Calico;
using NetDoctor.Lab.Tests.Scenarios;

namespace NetDoctor.Lab.Tests.Samples;

/// <summary>Turns a built scenario into samples/&lt;name&gt;/: each bundle node's live state collected by `netdoctor collect` run inside the
/// node's namespace (the lab's own capture, same file names, when the CLI cannot be built), calico-node-status.txt rendered from that
/// node's real BIRD, plus the scenario's cluster YAML and node files.</summary>
public static class SampleWriter
{
    public static string SamplesDirectory => Path.Combine(NetDoctorCli.RepoRoot, "samples");

    public static async Task<string> WriteAsync(Scenario scenario, bool useCollector)
    {
        var target = Path.Combine(SamplesDirectory, scenario.Name);
        if (Directory.Exists(target)) Directory.Delete(target, recursive: true);
        Directory.CreateDirectory(target);
        var captured = new List<string>();
        var collectManifests = new Dictionary<string, string>();
        foreach (var node in scenario.BundleNodes)
        {
            var host = scenario.Node(node);
            var bird = scenario.Birds.GetValueOrDefault(node);
            if (useCollector)
            {
                var bundle = Path.Combine(scenario.Lab.WorkDirectory, $"sample-{node}");
                var result = await NetDoctorCli.CollectInsideAsync(host, bundle, bird?.SocketPath);
                if (!result.Succeeded) throw new LabCommandException(result);
                CopyDirectory(Path.Combine(bundle, node), Path.Combine(target, node));
                captured.AddRange(Directory.EnumerateFiles(Path.Combine(target, node)).Select(f => $"{node}/{Path.GetFileName(f)}"));
                collectManifests[node] = await File.ReadAllTextAsync(Path.Combine(bundle, "manifest.yaml"));
                if (bird is not null)
                {
                    await File.WriteAllTextAsync(Path.Combine(target, node, "calico-node-status.txt"), CalicoNodeStatus.Render(await bird.ShowProtocolsAsync()));
                    captured.Add($"{node}/calico-node-status.txt");
                }
            }
            else
            {
                captured.AddRange(await BundleCapture.CaptureNodeAsync(host, bird, target));
            }
        }
        await scenario.Cluster.WriteAsync(target, scenario.BundleNodes);
        var supplied = scenario.Cluster.RenderCluster().Keys
            .Concat(scenario.Cluster.NodeFiles.Keys.Where(k => scenario.BundleNodes.Contains(k.Split('/')[0]))).ToList();
        await BundleCapture.WriteManifestAsync(target, scenario.Name, scenario.BundleNodes, captured.Except(supplied).Distinct(), supplied, scenario.Emulated,
            useCollector ? "netdoctor collect --no-cluster, run inside each node's network namespace" : "the lab's own capture (BundleCapture)", collectManifests);
        return target;
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)), overwrite: true);
        foreach (var dir in Directory.EnumerateDirectories(from)) CopyDirectory(dir, Path.Combine(to, Path.GetFileName(dir)));
    }
}
