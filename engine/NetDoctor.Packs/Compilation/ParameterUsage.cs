using System.Linq.Expressions;

namespace NetDoctor.Packs.Compilation;

/// <summary>Which of the rule's binding parameters an expression refers to (lambda parameters inside it are other objects).</summary>
internal sealed class ParameterUsage : ExpressionVisitor
{
    private readonly HashSet<ParameterExpression> _candidates;
    private readonly List<ParameterExpression> _used = [];

    private ParameterUsage(IEnumerable<ParameterExpression> candidates) => _candidates = [.. candidates];

    /// <summary>The used parameters, in the order of <paramref name="scope"/>.</summary>
    public static IReadOnlyList<ParameterExpression> Of(Expression body, IReadOnlyList<ParameterExpression> scope)
    {
        var usage = new ParameterUsage(scope);
        usage.Visit(body);
        return scope.Where(usage._used.Contains).ToList();
    }

    protected override Expression VisitParameter(ParameterExpression node)
    {
        if (_candidates.Contains(node) && !_used.Contains(node)) _used.Add(node);
        return node;
    }
}
