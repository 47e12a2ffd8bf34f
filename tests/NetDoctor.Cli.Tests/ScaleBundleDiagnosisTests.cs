using NetDoctor.Benchmarks.Generators;

namespace NetDoctor.Cli.Tests;

/// <summary>
/// Issue 12's scale bundle (bench's generator: IPIP full mesh, 30 pods and 10 Services per node, a stray interface in
/// the natOutgoing pool and one BGP session down) through `netdoctor run --format json`: exactly the planted diagnoses,
/// nothing else, at 10 and 100 nodes. Correctness only; the scale benchmark (`--scale`) times it.
/// </summary>
public class ScaleBundleDiagnosisTests
{
    [Theory]
    [InlineData(10)]
    [InlineData(100)]
    public async Task The_planted_faults_and_only_they_are_diagnosed(int nodes)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"netdoctor-scale-test-{Environment.ProcessId}-{nodes}");
        try
        {
            var expected = ClusterBundleGenerator.WriteScale(directory, nodes);

            var result = await Cli.Run("run", "--bundle", directory, "--format", "json");

            result.Json["problems"]!.AsArray().ShouldBeEmpty(result.Err);
            var actual = result.Json["diagnoses"]!.AsArray()
                .Select(d => (RuleId: (string)d!["ruleId"]!, Node: (string?)d["node"], Message: (string)d["message"]!))
                .ToList();
            actual.Select(d => (d.RuleId, d.Node)).ShouldBe(expected.Select(e => (e.RuleId, e.Node)), ignoreOrder: true, result.Out);
            foreach (var e in expected)
            {
                actual.Single(d => d.RuleId == e.RuleId && d.Node == e.Node).Message.ShouldContain(e.MessageContains);
            }
        }
        finally
        {
            if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
            File.Delete(ClusterBundleGenerator.ExpectedPath(directory));
        }
    }
}
