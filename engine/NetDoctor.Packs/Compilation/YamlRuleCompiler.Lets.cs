using System.Linq.Expressions;
using NetDoctor.Packs.Expressions;
using NetDoctor.Packs.Model;
using NetDoctor.Packs.Templates;

namespace NetDoctor.Packs.Compilation;

/// <summary>`let:` in the compiler: the bindings known up front, and every expression parsed with the lets inlined (<see cref="RuleLets"/>).</summary>
internal sealed partial class YamlRuleCompiler
{
    /// <summary>
    /// The bindings the rule's top-level elements will make, worked out before compiling them so `let:` expressions can
    /// be parsed over all of them. Unresolvable ones are left out; compiling the element reports why.
    /// </summary>
    private List<(ParameterExpression Parameter, SourceMark Mark)> TopParameters(IReadOnlyList<WhenElement> when)
    {
        var result = new List<(ParameterExpression, SourceMark)>();
        foreach (var element in when)
        {
            switch (element)
            {
                case PatternDocument p when sandbox.Catalog.TryResolve(p.Fact, out var type):
                    result.Add((Expression.Parameter(type, p.As), p.AsMark));
                    break;
                case AggregateDocument a when sandbox.Catalog.TryResolve(a.Source.Fact, out var source):
                    if (AggregateResultType(a, Expression.Parameter(source, a.Source.As)) is { } resultType)
                        result.Add((Expression.Parameter(resultType, a.As), a.AsMark));
                    break;
            }
        }
        return result;
    }

    private Type? AggregateResultType(AggregateDocument a, ParameterExpression source)
    {
        try
        {
            return a.Form switch
            {
                AggregateForm.Collect => typeof(IReadOnlyList<>).MakeGenericType(source.Type),
                AggregateForm.Count => typeof(int),
                _ => typeof(IGrouping<,>).MakeGenericType(
                    sandbox.Parse([source], a.Key!.Text).Body.Type,
                    a.Element is null ? source.Type : sandbox.Parse([source], a.Element.Text).Body.Type),
            };
        }
        catch (ExpressionError)
        {
            return null;
        }
    }

    /// <summary>
    /// Parses an expression over the bindings in <paramref name="scope"/> and the rule's lets, with the lets inlined:
    /// the result's body uses bindings only. A let whose bindings are not all in scope yet is an error at the expression.
    /// </summary>
    private LambdaExpression? Parse(Expr expr, IReadOnlyList<ParameterExpression> scope)
    {
        var lets = _lets.Parameters.Where(l => scope.All(p => p.Name != l.Name)).ToList();
        if (ParsePlain(expr, [.. scope, .. lets]) is not { } lambda) return null;
        if (Inline(lambda.Body, scope, expr.Mark) is not { } body) return null;
        return Expression.Lambda(body, scope);
    }

    private Expression? Inline(Expression body, IReadOnlyList<ParameterExpression> scope, SourceMark mark)
    {
        if (_lets.Inline(body, scope, out string? problem) is { } inlined) return inlined;
        Error(DiagnosticCodes.TypeCheck, mark, problem!);
        return null;
    }

    /// <summary>A template over the bindings in scope and the lets (inlined into its slots).</summary>
    private Template? CompileTemplate(Expr text, IReadOnlyList<ParameterExpression> scope)
    {
        var lets = _lets.Parameters.Where(l => scope.All(p => p.Name != l.Name)).ToList();
        int before = diagnostics.Count;
        var template = TemplateCompiler.Compile(text, [.. scope, .. lets], sandbox, diagnostics);
        if (template is null && _lets.UsesFailedLet(text.Text))
        {
            diagnostics.RemoveRange(before, diagnostics.Count - before);
            _errors++;
        }
        return template?.MapSlots(slot => Inline(slot, scope, text.Mark));
    }
}
