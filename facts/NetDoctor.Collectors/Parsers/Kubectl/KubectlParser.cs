using System.Text.RegularExpressions;
using NetDoctor.Collectors.Parsing;

namespace NetDoctor.Collectors.Parsers.Kubectl;

/// <summary>
/// kubectl / calicoctl object output: YAML (single object, List with items, multi-document "---") or JSON.
/// Core objects go through the KubernetesClient models, Calico resources through the YAML tree; each fact's
/// line is where its object starts. Kinds without a fact become <see cref="NetDoctor.Facts.UnrecognisedObject"/>.
/// </summary>
public sealed partial class KubectlParser : IFormatParser
{
    public string Kind => "kubectl-objects";

    public int Sniff(string fileName, string head)
    {
        var path = fileName.Replace('\\', '/');
        if ((path.Contains("cluster/crd/", StringComparison.Ordinal) || path.Contains("cluster/kubernetes/", StringComparison.Ordinal)) &&
            (path.EndsWith(".yaml", StringComparison.Ordinal) || path.EndsWith(".json", StringComparison.Ordinal)))
        {
            return 100;
        }
        // apiVersion, kind and metadata keys together are hardly anything but a Kubernetes-style object.
        if (ApiVersionRegex().IsMatch(head) && KindRegex().IsMatch(head)) return MetadataRegex().IsMatch(head) ? 95 : 80;
        return 0;
    }

    public ParseResult Parse(ParseInput input)
    {
        var result = new ParseResult();
        foreach (var obj in KubeObjectReader.Read(input, result))
        {
            var kind = obj.Kind;
            if (string.IsNullOrEmpty(kind))
            {
                result.Problem(input.At(obj.Line), "object has no kind");
                continue;
            }
            CheckNames(obj, input, result);
            try
            {
                if (CalicoObjectMapper.IsCalico(obj))
                {
                    if (!CalicoObjectMapper.Map(obj, input, result)) result.Add(CoreObjectMapper.Unrecognised(obj, input.At(obj.Line)));
                }
                else if (CoreObjectMapper.Handles(kind) && obj.Group is "" or "apps" or "extensions" or "discovery.k8s.io" or "rbac.authorization.k8s.io")
                {
                    CoreObjectMapper.Map(obj, input, result);
                }
                else
                {
                    result.Add(CoreObjectMapper.Unrecognised(obj, input.At(obj.Line)));
                }
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // The client models reject values of the wrong type ("port: eighty"); that costs this object only.
                result.Problem(input.At(obj.Line), $"cannot read {kind} {obj.Name}: {Snippet.Of(ex.InnerException?.Message ?? ex.Message)}");
            }
        }
        return result;
    }

    /// <summary>
    /// Names and namespaces in a real cluster are DNS-like (Calico and RBAC also allow '_' and ':'); anything else means
    /// the text was damaged. The object is still read, but the damage is reported where it is.
    /// </summary>
    private static void CheckNames(KubeObject obj, ParseInput input, ParseResult result)
    {
        // The calicoctl v1 ipPool is named by its CIDR in metadata.cidr.
        if (obj.Name is null && obj.Kind != "ipPool")
            result.Problem(input.At(obj.Line), $"{obj.Kind} has no metadata.name");
        else if (obj.Name is not null && !NameRegex().IsMatch(obj.Name))
            result.Problem(input.At(obj.Line), $"{obj.Kind} name '{Snippet.Of(obj.Name)}' is not a valid object name");
        if (obj.Namespace is { } ns && !NameRegex().IsMatch(ns))
            result.Problem(input.At(obj.Line), $"{obj.Kind} {obj.Name} namespace '{Snippet.Of(ns)}' is not a valid namespace");
    }

    [GeneratedRegex(@"^[A-Za-z0-9]([-A-Za-z0-9._:@]{0,251}[A-Za-z0-9])?$")]
    private static partial Regex NameRegex();

    [GeneratedRegex(@"^\s*(- )?""?apiVersion""?\s*:", RegexOptions.Multiline)]
    private static partial Regex ApiVersionRegex();

    [GeneratedRegex(@"^\s*(- )?""?kind""?\s*:", RegexOptions.Multiline)]
    private static partial Regex KindRegex();

    [GeneratedRegex(@"^\s*(- )?""?metadata""?\s*:", RegexOptions.Multiline)]
    private static partial Regex MetadataRegex();
}
