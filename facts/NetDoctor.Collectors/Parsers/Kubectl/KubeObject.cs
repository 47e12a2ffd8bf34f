using YamlDotNet.RepresentationModel;

namespace NetDoctor.Collectors.Parsers.Kubectl;

/// <summary>One Kubernetes-style object found in a kubectl/calicoctl output, with the line where it starts.</summary>
public sealed record KubeObject(int Line, YamlMappingNode Node)
{
    public string? ApiVersion => Node.Str("apiVersion");
    public string? Kind => Node.Str("kind");
    public string? Name => Node.Str("metadata", "name");
    public string? Namespace => Node.Str("metadata", "namespace");

    /// <summary>The API group: "" for core v1, "projectcalico.org", "crd.projectcalico.org", "rbac.authorization.k8s.io"...</summary>
    public string Group
    {
        get
        {
            var v = ApiVersion ?? "";
            int slash = v.IndexOf('/');
            return slash < 0 ? "" : v[..slash];
        }
    }

    /// <summary>The line of a node inside this object, in file coordinates.</summary>
    public int LineOf(YamlNode node) => Line + node.Line() - Node.Line();
}
