using System.Text;

namespace NetDoctor.Benchmarks.Generators;

/// <summary>`kubectl get KIND -o yaml`: a v1 List whose items are appended as already-indented YAML blocks.</summary>
internal sealed class KubectlList
{
    private readonly StringBuilder _items = new();

    /// <summary>Adds one object; <paramref name="yaml"/> starts with "- apiVersion:" and is indented by two spaces inside.</summary>
    public KubectlList Add(string yaml)
    {
        _items.Append(yaml);
        if (!yaml.EndsWith('\n')) _items.Append('\n');
        return this;
    }

    public override string ToString() =>
        _items.Length == 0
            ? "apiVersion: v1\nitems: []\nkind: List\nmetadata:\n  resourceVersion: ''\n"
            : "apiVersion: v1\nitems:\n" + _items + "kind: List\nmetadata:\n  resourceVersion: ''\n";
}
