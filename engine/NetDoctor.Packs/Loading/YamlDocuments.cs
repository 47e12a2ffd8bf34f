using NetDoctor.Packs.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace NetDoctor.Packs.Loading;

/// <summary>Splits a pack file into its YAML documents (`---`), turning a syntax error into a diagnostic with its position.</summary>
public static class YamlDocuments
{
    public static IReadOnlyList<YamlDocument> Parse(PackFile file, List<PackDiagnostic> diagnostics)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(file.Text));
        }
        catch (YamlException ex)
        {
            diagnostics.Add(new PackDiagnostic(DiagnosticSeverity.Error, DiagnosticCodes.YamlSyntax, file.At(ex.Start),
                "YAML syntax error: " + Describe(ex)));
            return [];
        }
        // An empty document (a trailing '---' or a comment-only file) has no root node worth reading.
        return stream.Documents.Where(d => d.RootNode is not YamlScalarNode { Value: null or "" }).ToList();
    }

    private static string Describe(YamlException ex)
    {
        // YamlDotNet prefixes messages with "(Line: 3, Col: 5, Idx: 20) - (Line: ...): "; our mark already says where.
        string message = ex.InnerException?.Message ?? ex.Message;
        int cut = message.LastIndexOf("): ", StringComparison.Ordinal);
        return cut >= 0 && message.StartsWith("(Line:", StringComparison.Ordinal) ? message[(cut + 3)..] : message;
    }
}
