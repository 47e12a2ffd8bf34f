using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace NetDoctor.Collectors.Parsing;

/// <summary>
/// Loads one YAML/JSON document into a tree for every reader of the collectors (kubectl and Calico objects, cluster
/// configs, component configs, the manifest), always through <see cref="GuardedYamlParser"/>'s depth, alias and
/// repeated-key limits, and never throws.
/// </summary>
public static class YamlLoader
{
    /// <param name="warnings">Receives what was dropped but did not cost the document (a repeated key), by line in <paramref name="text"/>.</param>
    public static bool TryLoad(string text, out YamlNode? root, out (int Line, string Message) error, List<(int Line, string Message)>? warnings)
    {
        root = null;
        error = default;
        var guarded = new GuardedYamlParser(new Parser(new StringReader(text)));
        try
        {
            var stream = new YamlStream();
            stream.Load(guarded);
            root = stream.Documents.Count > 0 ? stream.Documents[0].RootNode : null;
            warnings?.AddRange(guarded.Warnings);
            return true;
        }
        catch (YamlLimitException limit)
        {
            error = (limit.Line, limit.Message);
            return false;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // YamlDotNet reports some syntax errors as InvalidOperationException without a position; find it by re-scanning.
            error = Locate(text, ex);
            // YamlDotNet may place an end-of-input error on the line after the last one.
            int lines = TextLines.Split(text).Count;
            if (error.Line > lines) error = (Math.Max(1, lines), error.Message);
            return false;
        }
    }

    /// <summary>The line of a YAML error: the exception's mark when it has one, else where the last well-formed event ended.</summary>
    private static (int Line, string Message) Locate(string text, Exception original)
    {
        if (original is YamlException { Start.Line: > 0 } located)
            return ((int)located.Start.Line, located.InnerException?.Message ?? located.Message);
        var parser = new Parser(new StringReader(text));
        long line = 1;
        try
        {
            while (parser.MoveNext())
                if (parser.Current is { } e) line = e.End.Line;
        }
        catch (YamlException ex) when (ex.Start.Line > 0)
        {
            return ((int)ex.Start.Line, ex.Message);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return ((int)Math.Max(1, line), $"syntax error after line {line} of the document");
        }
        return ((int)Math.Max(1, line), original.Message);
    }
}
