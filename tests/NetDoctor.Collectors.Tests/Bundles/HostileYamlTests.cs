using System.Text;
using NetDoctor.Collectors.Bundles;
using NetDoctor.Collectors.Parsers.Kubectl;
using NetDoctor.Collectors.Parsing;
using NetDoctor.Facts;

namespace NetDoctor.Collectors.Tests.Bundles;

/// <summary>Issue 13, defects 1, 3 and 5: YAML that overflows the loader's stack, expands without bound, or repeats a key.</summary>
public class HostileYamlTests
{
    [Fact]
    public void A_manifest_nested_65000_deep_is_a_problem_not_a_stack_overflow()
    {
        using var dir = new TempDir();
        dir.File("manifest.yaml", "commands: " + new string('[', 65_000) + "\n");
        dir.File("k8s01/ip-route.txt", "default via 10.0.0.1 dev eth0\n");

        var facts = BundleReader.Read([dir.Path]);

        facts.Problems.ShouldContain(p => p.Source.File == "manifest.yaml" && p.Message.Contains("nesting deeper than 128 levels"));
    }

    [Theory]
    [InlineData("kind: Pod\nspec: ", "[")]
    [InlineData("kind: Pod\nspec: ", "{a: ")]
    [InlineData("", "- ")]
    public void Every_yaml_document_is_depth_guarded(string start, string opener)
    {
        var text = start + string.Concat(Enumerable.Repeat(opener, 65_000)) + "x\n";

        YamlLoader.TryLoad(text, out _, out var error, null).ShouldBeFalse();
        error.Message.ShouldContain("nesting deeper");
    }

    /// <summary>Ten levels of ten aliases each: 10^10 strings once expanded, from about 1 KB of text.</summary>
    private static string BillionLaughsPod()
    {
        var text = new StringBuilder("apiVersion: v1\nkind: Pod\nmetadata: {name: lol, namespace: default}\nx0: &a0 [\"lol\"]\n");
        for (int i = 1; i <= 10; i++)
            text.Append($"x{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))}]\n");
        text.Append("spec:\n  containers:\n  - name: c\n    image: busybox\n    command: *a10\n");
        return text.ToString();
    }

    [Fact]
    public void Billion_laughs_in_a_pod_command_is_refused_with_a_problem_before_any_expansion()
    {
        var before = GC.GetAllocatedBytesForCurrentThread();

        var result = new KubectlParser().Parse(new ParseInput("cluster/kubernetes/pods.yaml", null, BillionLaughsPod()));

        (GC.GetAllocatedBytesForCurrentThread() - before).ShouldBeLessThan(50L * 1024 * 1024);
        result.Problems.ShouldContain(p => p.Message.Contains("billion laughs"));
        result.Facts.ShouldBeEmpty();
    }

    [Fact]
    public void A_few_merge_aliases_as_hand_written_configs_use_them_still_load()
    {
        var text = "base: &base {a: 1, b: 2}\none: {<<: *base, c: 3}\ntwo: *base\n";

        YamlLoader.TryLoad(text, out var root, out _, null).ShouldBeTrue();
        root.ShouldNotBeNull();
    }

    [Fact]
    public void A_duplicate_key_in_a_json_list_costs_only_the_repeat_and_is_reported_at_its_line()
    {
        var text = """
            {
              "apiVersion": "v1",
              "kind": "List",
              "items": [
                {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "one"}},
                {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "two", "name": "again"}},
                {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "three"}}
              ]
            }
            """;
        var result = new ParseResult();

        var objects = KubeObjectReader.Read(new ParseInput("cluster/kubernetes/namespaces.json", null, text), result);

        objects.Count.ShouldBe(3);
        objects[1].Name.ShouldBe("two");
        result.Problems.Single().Source.ShouldBe(new Source("cluster/kubernetes/namespaces.json", 6));
        result.Problems.Single().Message.ShouldContain("duplicate key 'name'");
    }

    [Fact]
    public void A_repeated_key_in_a_k3s_config_is_reported_and_the_first_value_kept()
    {
        var text = "cluster-cidr: 10.42.0.0/16\nservice-cidr: 10.43.0.0/16\ncluster-cidr: 10.99.0.0/16\n";

        var result = new NetDoctor.Collectors.Parsers.ClusterConfig.K3sConfigParser().Parse(new ParseInput("k8s01/config.yaml", "k8s01", text));

        result.Problems.Single().Source.ShouldBe(new Source("k8s01/config.yaml", 3));
        result.Problems.Single().Message.ShouldContain("duplicate key 'cluster-cidr' (first at line 1)");
        result.Facts.ShouldNotBeEmpty();
    }
}
