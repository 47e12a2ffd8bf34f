using System.Linq.Expressions;
using NetDoctor.Packs.Expressions;
using NetDoctor.Packs.Model;

namespace NetDoctor.Packs.Templates;

/// <summary>Splits template text at `{{ }}` and parses each placeholder as an expression over the bindings in scope.</summary>
internal static class TemplateCompiler
{
    /// <summary>Returns null (after adding diagnostics) when a placeholder is unterminated or does not type-check.</summary>
    public static Template? Compile(Expr template, IReadOnlyList<ParameterExpression> scope, ExpressionSandbox sandbox, List<PackDiagnostic> diagnostics)
    {
        var parts = new List<TemplatePart>();
        string text = template.Text;
        int at = 0;
        bool ok = true;
        while (at < text.Length)
        {
            int open = text.IndexOf("{{", at, StringComparison.Ordinal);
            if (open < 0)
            {
                parts.Add(new TemplatePart.Literal(text[at..]));
                break;
            }
            if (open > at) parts.Add(new TemplatePart.Literal(text[at..open]));
            int close = text.IndexOf("}}", open + 2, StringComparison.Ordinal);
            if (close < 0)
            {
                diagnostics.Add(new PackDiagnostic(DiagnosticSeverity.Error, DiagnosticCodes.Template, template.At(open), "'{{' without a closing '}}'"));
                return null;
            }
            string inner = text[(open + 2)..close];
            int lead = inner.Length - inner.TrimStart().Length;
            string expression = inner.Trim();
            int exprOffset = open + 2 + lead;
            if (expression.Length == 0)
            {
                diagnostics.Add(new PackDiagnostic(DiagnosticSeverity.Error, DiagnosticCodes.Template, template.At(open), "empty '{{ }}' placeholder"));
                ok = false;
            }
            else
            {
                try
                {
                    var lambda = sandbox.Parse(scope, expression);
                    parts.Add(new TemplatePart.Slot(lambda.Body));
                }
                catch (ExpressionError ex)
                {
                    diagnostics.Add(new PackDiagnostic(DiagnosticSeverity.Error, ex.Code, template.At(exprOffset + ex.Position), ex.Message));
                    ok = false;
                }
            }
            at = close + 2;
        }
        return ok ? new Template(text, parts) : null;
    }
}
