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
            return 100;
        if (ApiVersionRegex().IsMatch(head) && KindRegex().IsMatch(head)) return 80;
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
            try
            {
                if (CalicoObjectMapper.IsCalico(obj))
                {
                    if (!CalicoObjectMapper.Map(obj, input, result)) result.Add(CoreObjectMapper.Unrecognised(obj, input.At(obj.Line)));
                }
                else if (CoreObjectMapper.Handles(kind) && obj.Group is "" or "apps" or "extensions" or "discovery.k8s.io" or "rbac.authorization.k8s.io") CoreObjectMapper.Map(obj, input, result);
                else result.Add(CoreObjectMapper.Unrecognised(obj, input.At(obj.Line)));
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // The client models reject values of the wrong type ("port: eighty"); that costs this object only.
                result.Problem(input.At(obj.Line), $"cannot read {kind} {obj.Name}: {Snippet.Of(ex.InnerException?.Message ?? ex.Message)}");
            }
        }
        return result;
    }

    [GeneratedRegex(@"^\s*(- )?""?apiVersion""?\s*:", RegexOptions.Multiline)]
    private static partial Regex ApiVersionRegex();

    [GeneratedRegex(@"^\s*(- )?""?kind""?\s*:", RegexOptions.Multiline)]
    private static partial Regex KindRegex();
}
