using System.Linq.Expressions;
using NRules.RuleModel;
using NetDoctor.Engine.Runtime;

namespace NetDoctor.Engine.Rete;

/// <summary>
/// A test on a single fact. Alpha nodes form a tree under each type node; rules whose patterns have structurally
/// equal conditions (same shape, same constants) share the same nodes, so each test runs once per fact.
/// </summary>
internal class AlphaNode(LambdaExpression? condition, Func<object, bool>? test, Declaration? declaration)
{
    private readonly List<AlphaNode> children = [];
    private AlphaNode[] frozenChildren = [];
    private AlphaIndex[] indexes = [];
    private readonly List<string> ruleIds = [];

    public LambdaExpression? Condition { get; } = condition;

    public AlphaMemory? Memory { get; private set; }

    private Declaration? TestedDeclaration => declaration;

    private string FirstRuleId => ruleIds[0];

    public AlphaNode Child(LambdaExpression condition, Declaration declaration, string ruleId, Func<LambdaExpression, Func<object, bool>> compile)
    {
        var node = children.Find(c => ExpressionComparer.Instance.Equals(c.Condition, condition));
        if (node is null)
        {
            node = new AlphaNode(condition, compile(condition), declaration);
            children.Add(node);
        }
        node.AddRule(ruleId);
        return node;
    }

    public AlphaMemory EnsureMemory() => Memory ??= new AlphaMemory();

    public void AddRule(string ruleId)
    {
        if (!ruleIds.Contains(ruleId))
        {
            ruleIds.Add(ruleId);
        }
    }

    public void Freeze()
    {
        var plain = new List<AlphaNode>();
        var groups = new List<(LambdaExpression Selector, List<(object? Key, AlphaNode Node)> Members)>();
        foreach (var child in children)
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
            built.Add(AlphaIndex.Create(selector, members, first.FirstRuleId, first.TestedDeclaration!));
        }
        frozenChildren = [.. plain];
        indexes = [.. built];
        foreach (var child in children)
        {
            child.Freeze();
        }
        Memory?.Freeze();
    }

    public void Assert(Session session, FactHandle fact)
    {
        if (test is not null && !Passes(fact))
        {
            return;
        }
        AssertPassed(session, fact);
    }

    /// <summary>Continues below this node for a fact known to pass its test (an alpha index already checked it).</summary>
    public void AssertPassed(Session session, FactHandle fact)
    {
        foreach (var index in indexes)
        {
            index.Assert(session, fact);
        }
        foreach (var child in frozenChildren)
        {
            child.Assert(session, fact);
        }
        Memory?.Assert(session, fact);
    }

    private bool Passes(FactHandle fact)
    {
        try
        {
            return test!(fact.Value);
        }
        catch (Exception ex)
        {
            // A shared test is the same condition in every rule using it; naming the first is naming the condition.
            throw new RuleConditionException(ruleIds[0], [new BoundFact(declaration!, fact.Value)], ex);
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
    private readonly List<BetaNode> successors = [];
    private BetaNode[] frozen = [];

    public void Add(BetaNode node) => successors.Add(node);

    public void Freeze() => frozen = [.. successors];

    public void Assert(Session session, FactHandle fact)
    {
        foreach (var node in frozen)
        {
            node.RightAssert(session, fact);
        }
    }
}
