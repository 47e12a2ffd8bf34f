using NetDoctor.Cli.Pipeline;
using NetDoctor.Packs.Compilation;

namespace NetDoctor.Cli.Commands.Explain;

/// <summary>A YAML rule explained from its document, with its `when:` block quoted from the file exactly as its author wrote it.</summary>
public static class YamlRuleExplainer
{
    public static RuleExplanation Explain(CompiledRule rule)
    {
        var doc = rule.Document;
        var references = doc.References.Concat(doc.Diagnose?.References ?? []).Distinct().ToList();
        return new RuleExplanation(
            doc.Id, doc.Title, doc.Severity, rule.Pack, "yaml",
            new SourceLocation(Shipped.Display(doc.Mark.File), doc.Mark.Line),
            doc.Tags,
            doc.Description?.Trim(),
            QuoteWhen(doc.Mark.File, doc.Mark.Line),
            Class: null,
            Matches: null,
            doc.Derive is { } derive ? new DerivesExplanation(derive.Fact, derive.Fields.Select(f => new FieldExplanation(f.Name, f.Value.Text)).ToList()) : null,
            doc.Diagnose?.MessageText,
            doc.Diagnose?.Remediation.Select(r => new StepExplanation(r.Description.Text.Trim(), r.Command?.Text.Trim())).ToList() ?? [],
            RemediationExample: null,
            references);
    }

    /// <summary>
    /// The `when:` key and everything under it, up to the next top-level key or document, from the rule's own file
    /// (comments and quoting included: these are the words `vet` points at). Null when the file cannot be read.
    /// </summary>
    public static string? QuoteWhen(string file, int documentLine)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        int start = -1;
        for (int i = Math.Max(documentLine - 1, 0); i < lines.Length && !IsDocumentStart(lines[i], i, documentLine); i++)
        {
            if (!lines[i].StartsWith("when:", StringComparison.Ordinal)) continue;
            start = i;
            break;
        }
        if (start < 0) return null;
        int end = start + 1;
        while (end < lines.Length && !IsTopLevelKey(lines[end]) && !lines[end].StartsWith("---", StringComparison.Ordinal)) end++;
        while (end > start + 1 && lines[end - 1].Trim().Length == 0) end--;
        return string.Join("\n", lines[start..end].Select(l => l.TrimEnd()));
    }

    private static bool IsDocumentStart(string line, int index, int documentLine) => index > documentLine - 1 && line.StartsWith("---", StringComparison.Ordinal);

    /// <summary>"then:" at column 0; list items ("- fact:") and comments at column 0 still belong to the block above.</summary>
    private static bool IsTopLevelKey(string line) => line.Length > 0 && line[0] is not (' ' or '\t' or '-' or '#');
}
