using System.Linq.Expressions;

namespace NetDoctor.Packs.Compilation;

/// <summary>The bindings visible at a point of a rule's `when:` list, as lambda parameters named after them.</summary>
internal sealed class RuleScope
{
    private readonly List<ParameterExpression> _parameters = [];

    public IReadOnlyList<ParameterExpression> Parameters => _parameters;

    public bool Contains(string name) => _parameters.Any(p => p.Name == name);

    public void Add(ParameterExpression parameter) => _parameters.Add(parameter);

    /// <summary>The scope plus one more parameter that only the caller sees (a not/exists/aggregate source binding).</summary>
    public IReadOnlyList<ParameterExpression> With(ParameterExpression extra) => [.. _parameters, extra];
}
