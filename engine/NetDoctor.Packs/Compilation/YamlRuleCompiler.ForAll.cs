using System.Linq.Expressions;
using NetDoctor.Packs.Model;
using NRules.RuleModel;
using NRules.RuleModel.Builders;

namespace NetDoctor.Packs.Compilation;

/// <summary>`forall` elements compiled to NRules' ForAll element.</summary>
internal sealed partial class YamlRuleCompiler
{
    /// <summary>
    /// `forall`: NRules' ForAll element with the pattern as its base and one pattern of the same type holding the
    /// `require` conditions. The require pattern's declaration needs a name of its own (declarations are unique in a
    /// rule), so its conditions are rewritten from the author's binding name to that one; both runtimes then read
    /// "no fact matches the base while failing the requirements".
    /// </summary>
    private ForAllElement? ForAll(ForAllDocument f, RuleScope scope)
    {
        if (Bind(f.Pattern, scope) is not { } param) return null;
        var baseConditions = Conditions(f.Pattern.Where, scope.With(param), param);
        var required = Expression.Parameter(param.Type, "__forall_" + f.Pattern.As);
        var requireConditions = Conditions(f.Require, scope.With(param), param)
            .Select(c =>
            {
                var renamed = Expression.Lambda(new Rename(param, required).Visit(c.Body), c.Parameters.Select(p => p == param ? required : p));
                _conditionTexts[renamed] = _conditionTexts[c];
                return renamed;
            })
            .ToList();
        if (_errors > 0) return null;
        _used.Add(f.Pattern.As);
        return Element.ForAll(
            Element.Pattern(Element.Declaration(param.Type, param.Name!), baseConditions.Select(Element.Condition), null),
            [Element.Pattern(Element.Declaration(required.Type, required.Name!), requireConditions.Select(Element.Condition), null)]);
    }

    private sealed class Rename(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
