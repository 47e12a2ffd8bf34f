using NetDoctor.Lab.Tests.Cli;
using NetDoctor.Lab.Tests.Scenarios;

namespace NetDoctor.Lab.Tests.Samples;

/// <summary>Turns a built scenario into samples/&lt;name&gt;/: each bundle node's live state captured from its namespace
/// (the lab's own capture, same file names as `netdoctor collect`), plus the scenario's cluster YAML and node files.</summary>
public static class SampleWriter
{
    public static string SamplesDirectory => Path.Combine(NetDoctorCli.RepoRoot, "samples");

    public static async Task<string> WriteAsync(Scenario scenario)
    {
        var target = Path.Combine(SamplesDirectory, scenario.Name);
        if (Directory.Exists(target)) Directory.Delete(target, recursive: true);
        Directory.CreateDirectory(target);
        var captured = new List<string>();
        foreach (var node in scenario.BundleNodes)
            captured.AddRange(await BundleCapture.CaptureNodeAsync(scenario.Node(node), scenario.Birds.GetValueOrDefault(node), target));
        await scenario.Cluster.WriteAsync(target, scenario.BundleNodes);
        var supplied = scenario.Cluster.RenderCluster().Keys
            .Concat(scenario.Cluster.NodeFiles.Keys.Where(k => scenario.BundleNodes.Contains(k.Split('/')[0])));
        await BundleCapture.WriteManifestAsync(target, scenario.Name, scenario.BundleNodes, captured, supplied, scenario.Emulated);
        return target;
    }
}
