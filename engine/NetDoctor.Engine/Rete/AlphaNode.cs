using System.Linq.Expressions;
using NRules.RuleModel;
using NetDoctor.Engine.Runtime;

namespace NetDoctor.Engine.Rete;

/// <summary>
/// A test on a single fact. Alpha nodes form a tree under each type node; rules whose patterns have structurally
/// equal conditions (same shape, same constants) share the same nodes, so each test runs once per fact.
/// A test that throws on a fact fails every rule using the node (each would have evaluated the same condition on the
/// same fact): the session records a failure for each and disables them, and the fact does not pass. A node whose rules
/// have all failed is not evaluated again.
/// </summary>
internal class AlphaNode(LambdaExpression? condition, Func<object, bool>? test, Declaration? declaration)
{
    private readonly List<AlphaNode> _children = [];
    private AlphaNode[] _frozenChildren = [];
    private AlphaIndex[] _indexes = [];
    private readonly List<int> _rules = [];

    public LambdaExpression? Condition { get; } = condition;

    public AlphaMemory? Memory { get; private set; }

    private Declaration? TestedDeclaration => declaration;

    /// <summary>The rules (network indexes) whose patterns pass through this node.</summary>
    public IReadOnlyList<int> Rules => _rules;

    public AlphaNode Child(LambdaExpression condition, Declaration declaration, int ruleIndex, Func<LambdaExpression, Func<object, bool>> compile)
    {
        var node = _children.Find(c => ExpressionComparer.Instance.Equals(c.Condition, condition));
        if (node is null)
        {
            node = new AlphaNode(condition, compile(condition), declaration);
            _children.Add(node);
        }
        node.AddRule(ruleIndex);
        return node;
    }

    public AlphaMemory EnsureMemory() => Memory ??= new AlphaMemory();

    public void AddRule(int ruleIndex)
    {
        if (!_rules.Contains(ruleIndex))
        {
            _rules.Add(ruleIndex);
        }
    }

    public void Freeze()
    {
        var plain = new List<AlphaNode>();
        var groups = new List<(LambdaExpression Selector, List<(object? Key, AlphaNode Node)> Members)>();
        foreach (var child in _children)
        {
            if (child.Condition is { } condition && AlphaIndex.TrySplit(condition, out var selector, out var key))
            {
                var group = groups.Find(g => ExpressionComparer.Instance.Equals(g.Selector, selector));
                if (group.Members is null)
                {
                    groups.Add(group = (selector, []));
                }
                group.Members.Add((key, child));
            }
            else
            {
                plain.Add(child);
            }
        }
        var built = new List<AlphaIndex>();
        foreach (var (selector, members) in groups)
        {
            if (members.Count < AlphaIndex.MinimumSiblings)
            {
                plain.AddRange(members.Select(m => m.Node));
                continue;
            }
            var first = members[0].Node;
            built.Add(AlphaIndex.Create(selector, members, first.TestedDeclaration!));
        }
        _frozenChildren = [.. plain];
        _indexes = [.. built];
        foreach (var child in _children)
        {
            child.Freeze();
        }
        Memory?.Freeze();
    }

    public void Assert(Session session, FactHandle fact)
    {
        if (test is not null && !Passes(session, fact))
        {
            return;
        }
        AssertPassed(session, fact);
    }

    /// <summary>Continues below this node for a fact known to pass its test (an alpha index already checked it).</summary>
    public void AssertPassed(Session session, FactHandle fact)
    {
        foreach (var index in _indexes)
        {
            index.Assert(session, fact);
        }
        foreach (var child in _frozenChildren)
        {
            child.Assert(session, fact);
        }
        Memory?.Assert(session, fact);
    }

    private bool Passes(Session session, FactHandle fact)
    {
        if (session.AllDisabled(_rules))
        {
            return false;
        }
        try
        {
            return test!(fact.Value);
        }
        catch (Exception ex)
        {
            session.Fail(_rules, [new BoundFact(declaration!, fact.Value)], ex);
            return false;
        }
    }
}

/// <summary>Root of the alpha tree for one declared type; facts reach it when their runtime type is assignable to it.</summary>
internal sealed class TypeNode(Type type) : AlphaNode(null, null, null)
{
    public Type Type { get; } = type;
}

/// <summary>End of an alpha path: hands every fact that passed the path's tests to the beta nodes using it as right input.</summary>
internal sealed class AlphaMemory
{
    private readonly List<BetaNode> _successors = [];
    private BetaNode[] _frozen = [];

    public void Add(BetaNode node) => _successors.Add(node);

    public void Freeze() => _frozen = [.. _successors];

    public void Assert(Session session, FactHandle fact)
    {
        foreach (var node in _frozen)
        {
            node.RightAssert(session, fact);
        }
    }
}
