using NetDoctor.Packs.Model;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace NetDoctor.Packs.Loading;

/// <summary>Splits a pack file into its YAML documents (`---`), turning a syntax error into a diagnostic with its position.</summary>
public static class YamlDocuments
{
    public static IReadOnlyList<YamlDocument> Parse(PackFile file, List<PackDiagnostic> diagnostics)
    {
        var stream = new YamlStream();
        var parser = new MarkTrackingParser(new Parser(new StringReader(file.Text)));
        try
        {
            stream.Load(parser);
        }
        catch (YamlException ex)
        {
            diagnostics.Add(new PackDiagnostic(DiagnosticSeverity.Error, DiagnosticCodes.YamlSyntax, file.At(ex.Start),
                "YAML syntax error: " + Describe(ex)));
            return [];
        }
        catch (InvalidOperationException)
        {
            // Some malformed input (e.g. an unclosed flow sequence) makes YamlDotNet's scanner fail without a mark;
            // the end of the last event it did read is where the text stops making sense.
            diagnostics.Add(new PackDiagnostic(DiagnosticSeverity.Error, DiagnosticCodes.YamlSyntax, file.At(parser.LastGood),
                "YAML syntax error: the text after this point does not parse (an unclosed '[', '{' or quote?)"));
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

    /// <summary>Remembers where the last successfully read event ended.</summary>
    private sealed class MarkTrackingParser(IParser inner) : IParser
    {
        public Mark LastGood { get; private set; } = Mark.Empty;

        public ParsingEvent? Current => inner.Current;

        public bool MoveNext()
        {
            bool moved = inner.MoveNext();
            if (moved && inner.Current is { } current) LastGood = current.End;
            return moved;
        }
    }
}
