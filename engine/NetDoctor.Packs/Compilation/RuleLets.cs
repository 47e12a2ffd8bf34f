using System.Linq.Expressions;
using NetDoctor.Packs.Model;

namespace NetDoctor.Packs.Compilation;

/// <summary>
/// A rule's `let:` expressions, implemented by inlining: wherever a condition, template or derived field names a let,
/// the let's expression takes its place at compile time. Why inlining rather than NRules' Binding element (Let /
/// Calculate): our Rete rejects that element, and an inlined let needs nothing from either runtime — a condition that
/// uses a let simply becomes a condition over the bindings the let uses (a join when they are two), so both runtimes
/// see ordinary patterns. The cost is that a let named in several places is evaluated once per use instead of once per
/// match; expressions are small and metered by the rule's budget, so this is cheaper than a new engine element.
/// A let is parsed over every top-level binding of the rule (and the lets before it); a condition may use it only once
/// all the bindings it uses are bound, i.e. in the element that binds the last of them or later.
/// </summary>
internal sealed class RuleLets
{
    private readonly List<Let> _lets = [];
    private readonly List<string> _failed = [];
    private readonly HashSet<string> _usedLets = new(StringComparer.Ordinal);

    public RuleLets(IReadOnlyList<LetDocument> docs, IReadOnlyList<(ParameterExpression Parameter, SourceMark Mark)> bindings, Func<Expr, IReadOnlyList<ParameterExpression>, LambdaExpression?> parse, Action<string, SourceMark, string> error)
    {
        var top = bindings.Select(b => b.Parameter).ToList();
        foreach (var doc in docs)
        {
            if (top.Any(p => p.Name == doc.Name))
            {
                error(DiagnosticCodes.DuplicateBinding, doc.NameMark, $"let '{doc.Name}' has the name of a binding; give it another name");
                continue;
            }
            if (_lets.Any(l => l.Name == doc.Name))
            {
                error(DiagnosticCodes.DuplicateBinding, doc.NameMark, $"let '{doc.Name}' is defined twice");
                continue;
            }
            if (parse(doc.Value, [.. top, .. Parameters]) is not { } lambda)
            {
                _failed.Add(doc.Name);
                continue;
            }
            var body = Substitute(lambda.Body);
            if (body.Type == typeof(void))
            {
                error(DiagnosticCodes.TypeCheck, doc.Value.Mark, $"let '{doc.Name}' has no value");
                continue;
            }
            var uses = ParameterUsage.Of(body, top);
            _lets.Add(new Let(doc.Name, Expression.Parameter(body.Type, doc.Name), body, uses, doc.NameMark));
        }
    }

    /// <summary>
    /// Whether <paramref name="text"/> names a let that did not compile: its own error explains the failure, so the
    /// expressions that use it report nothing more ("IpPool has no field 'twice'" would only mislead).
    /// </summary>
    public bool UsesFailedLet(string text) =>
        _failed.Any(name => System.Text.RegularExpressions.Regex.IsMatch(text, $@"(?<![\w.]){System.Text.RegularExpressions.Regex.Escape(name)}\b"));

    /// <summary>One parameter per let, typed by its expression: add them to a scope so expressions may name lets.</summary>
    public IReadOnlyList<ParameterExpression> Parameters => _lets.Select(l => l.Parameter).ToList();

    /// <summary>
    /// <paramref name="body"/> with every let replaced by its expression over the parameters of <paramref name="scope"/>.
    /// Null (with the reason) when a let it uses needs a binding that is not in that scope yet.
    /// </summary>
    public Expression? Inline(Expression body, IReadOnlyList<ParameterExpression> scope, out string? problem)
    {
        problem = null;
        var used = ParameterUsage.Of(body, Parameters);
        if (used.Count == 0) return body;
        foreach (var parameter in used)
        {
            var let = _lets.First(l => l.Parameter == parameter);
            _usedLets.Add(let.Name);
            if (let.Uses.FirstOrDefault(u => !scope.Any(s => s.Name == u.Name && s.Type == u.Type)) is { } missing)
            {
                problem = $"let '{let.Name}' uses binding '{missing.Name}', which is not bound yet here; use the let only in elements after the one that binds '{missing.Name}'";
                return null;
            }
        }
        var map = _lets.ToDictionary(l => l.Parameter, l => l.Body);
        foreach (var s in scope) map.TryAdd(s, s);
        return new Rebinder(map, scope).Visit(body);
    }

    /// <summary>Lets no expression named: (name, position) for the unused-binding warning.</summary>
    public IEnumerable<(string Name, SourceMark Mark)> Unused => _lets.Where(l => !_usedLets.Contains(l.Name)).Select(l => (l.Name, l.Mark));

    /// <summary>A new let's body with the earlier lets it names already inlined (so every stored body uses bindings only).</summary>
    private Expression Substitute(Expression body)
    {
        foreach (var p in ParameterUsage.Of(body, Parameters)) _usedLets.Add(p.Name!);
        return new Rebinder(_lets.ToDictionary(l => l.Parameter, l => l.Body), []).Visit(body);
    }

    private sealed record Let(string Name, ParameterExpression Parameter, Expression Body, IReadOnlyList<ParameterExpression> Uses, SourceMark Mark);

    /// <summary>
    /// Replaces let parameters by their bodies, and binding parameters by the scope's parameter of the same name: a let is
    /// parsed over the rule's bindings once, but each condition is a lambda over its own parameter objects.
    /// </summary>
    private sealed class Rebinder(Dictionary<ParameterExpression, Expression> map, IReadOnlyList<ParameterExpression> scope) : ExpressionVisitor
    {
        // Parameters of lambdas inside the expression ("l => l.Name") are never bindings, whatever their name.
        private readonly HashSet<ParameterExpression> _inner = [];

        protected override Expression VisitLambda<T>(Expression<T> node)
        {
            _inner.UnionWith(node.Parameters);
            return base.VisitLambda(node);
        }

        protected override Expression VisitParameter(ParameterExpression node)
        {
            if (_inner.Contains(node)) return node;
            if (map.TryGetValue(node, out var replacement)) return replacement == node ? node : Visit(replacement);
            return scope.FirstOrDefault(s => s.Name == node.Name && s.Type == node.Type) ?? node;
        }
    }
}
