using System.Text;
using System.Text.Json.Nodes;

namespace NetDoctor.Cli.Reporting.Sarif;

/// <summary>
/// A result's message carries that diagnosis' own fix — its commands with this node's names and addresses — in text
/// (what code-scanning lists show) and in Markdown (commands in code blocks), so the second result of a rule never
/// shows the first one's commands.
/// </summary>
public static class SarifMessages
{
    public static JsonObject For(DiagnosisReport d)
    {
        var text = new StringBuilder(d.Message.TrimEnd());
        var markdown = new StringBuilder(Escape(d.Message.TrimEnd()));
        if (d.Remediation.Count > 0)
        {
            text.Append("\n\nFix:");
            markdown.Append("\n\n**Fix**\n");
            int step = 1;
            foreach (var r in d.Remediation)
            {
                text.Append("\n- ").Append(r.Description);
                if (r.Command is not null) text.Append("\n    ").Append(r.Command);
                markdown.Append('\n').Append(step++).Append(". ").Append(Escape(r.Description)).Append('\n');
                if (r.Command is not null)
                {
                    string fence = r.Command.Contains("```", StringComparison.Ordinal) ? "~~~~" : "```";
                    markdown.Append("\n   ").Append(fence).Append("sh\n   ").Append(r.Command).Append("\n   ").Append(fence).Append('\n');
                }
            }
        }
        return new JsonObject { ["text"] = text.ToString(), ["markdown"] = markdown.ToString().TrimEnd() };
    }

    /// <summary>Prose as Markdown text: the characters that would start emphasis, code, links or HTML are escaped.</summary>
    public static string Escape(string prose)
    {
        var sb = new StringBuilder(prose.Length);
        foreach (char ch in prose)
        {
            if (ch is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '|') sb.Append('\\');
            sb.Append(ch);
        }
        return sb.ToString();
    }
}
