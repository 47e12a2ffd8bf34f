using System.Text;
using System.Text.RegularExpressions;

namespace NetDoctor.Collectors.Redaction;

/// <summary>
/// A kubeconfig is all credentials except its server URLs (which say where the API server is, and are all a
/// diagnosis needs), so it is replaced as a whole by the list of its servers.
/// </summary>
internal static partial class KubeconfigReducer
{
    public static bool LooksLikeKubeconfig(string text) =>
        KindConfig().IsMatch(text) && (text.Contains("clusters", StringComparison.Ordinal) || text.Contains("users", StringComparison.Ordinal));

    public static RedactionResult Reduce(string text)
    {
        var servers = Server().Matches(text).Select(m => m.Groups["url"].Value).Distinct().ToList();
        var sb = new StringBuilder("# kubeconfig reduced by NetDoctor to its server URLs (credentials removed)\nservers:\n");
        foreach (var server in servers) sb.Append("- ").Append(server).Append('\n');
        return new RedactionResult(sb.ToString(), 1);
    }

    [GeneratedRegex(@"^\s*[""']?kind[""']?\s*:\s*[""']?Config[""']?\s*,?\s*$", RegexOptions.Multiline)]
    private static partial Regex KindConfig();

    [GeneratedRegex(@"[""']?server[""']?\s*:\s*[""']?(?<url>[a-z]+://[^\s""',]+)")]
    private static partial Regex Server();
}
