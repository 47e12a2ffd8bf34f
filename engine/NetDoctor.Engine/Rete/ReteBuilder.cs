using System.Linq.Expressions;
using NRules.RuleModel;

namespace NetDoctor.Engine.Rete;

/// <summary>
/// Compiles rule definitions into one network: alpha paths shared across rules, one beta chain per rule
/// (join / not / exists / aggregate nodes in LHS order) ending in a terminal node.
/// </summary>
internal sealed class ReteBuilder
{
    private readonly Dictionary<Type, TypeNode> _typeNodes = [];
    private readonly List<BetaNode> _firstNodes = [];
    private readonly List<TerminalNode> _terminals = [];
    private int _nextNodeId;

    public void Add(IRuleDefinition rule)
    {
        if (string.IsNullOrWhiteSpace(rule.Name))
        {
            throw new RuleCompilationException(rule.Name ?? "", "rule name (the rule id) is empty.");
        }
        var compiler = new ConditionCompiler(rule.Name, _terminals.Count);
        if (rule.FilterGroup.Filters.Count > 0)
        {
            throw compiler.Error("agenda filters (Filter().OnChange/Where) are not supported by the indexed runtime.");
        }
        var scope = Scope.Empty;
        BetaNode? last = null;
        var index = 0;
        foreach (var element in ModelElements.AndChildren(rule.LeftHandSide, compiler))
        {
            BetaNode node;
            switch (element)
            {
                case PatternElement { Source: null } pattern:
                    CheckNew(compiler, scope, pattern.Declaration);
                    node = BuildJoin(compiler, pattern, scope, index);
                    scope = scope.With(pattern.Declaration, index++);
                    break;
                case PatternElement { Source: AggregateElement aggregate } pattern:
                    CheckNew(compiler, scope, pattern.Declaration);
                    node = BuildAggregate(compiler, pattern, aggregate, scope, index);
                    scope = scope.With(pattern.Declaration, index++);
                    break;
                case PatternElement { Source: { } source }:
                    throw compiler.Error($"a pattern over a {source.ElementType} element (Let/Calculate bindings) is not supported by the indexed runtime.");
                case NotElement { Source: PatternElement pattern }:
                    CheckNew(compiler, scope, pattern.Declaration);
                    node = BuildQuantifier(compiler, pattern, scope, join => new NotNode { RuleId = rule.Name, RuleIndex = compiler.RuleIndex, Join = join });
                    break;
                case ExistsElement { Source: PatternElement pattern }:
                    CheckNew(compiler, scope, pattern.Declaration);
                    node = BuildQuantifier(compiler, pattern, scope, join => new ExistsNode { RuleId = rule.Name, RuleIndex = compiler.RuleIndex, Join = join });
                    break;
                case NotElement or ExistsElement:
                    throw compiler.Error($"{element.ElementType} over a group of patterns is not supported by the indexed runtime; use one pattern.");
                case ForAllElement forAll:
                    CheckNew(compiler, scope, forAll.BasePattern.Declaration);
                    node = BuildQuantifier(compiler, ForAllRewriter.Counterexample(compiler, forAll), scope, join => new NotNode { RuleId = rule.Name, RuleIndex = compiler.RuleIndex, Join = join });
                    break;
                default:
                    throw compiler.Error($"{element.ElementType} elements are not supported by the indexed runtime at the top level of the left-hand side.");
            }
            Connect(last, node);
            last = node;
        }
        var dependencies = rule.DependencyGroup.Dependencies;
        var terminal = new TerminalNode
        {
            RuleId = rule.Name,
            Rule = rule,
            RuleIndex = compiler.RuleIndex,
            Scope = scope,
            Actions = [.. rule.RightHandSide.Actions.Select(a => ActionCompiler.Compile(compiler, a, scope, dependencies))],
        };
        Connect(last, terminal);
        _terminals.Add(terminal);
    }

    public ReteNetwork Build()
    {
        foreach (var typeNode in _typeNodes.Values)
        {
            typeNode.Freeze();
        }
        return new ReteNetwork([.. _typeNodes.Values], [.. _firstNodes], [.. _terminals], _nextNodeId);
    }

    private static void CheckNew(ConditionCompiler compiler, Scope scope, Declaration declaration)
    {
        if (scope.TryFind(declaration.Name, out _, out _))
        {
            throw compiler.Error($"declaration '{declaration.Name}' is declared twice.");
        }
    }

    private void Connect(BetaNode? last, BetaNode node)
    {
        node.Id = _nextNodeId++;
        if (last is null)
        {
            node.LeftIsRoot = true;
            _firstNodes.Add(node);
        }
        else
        {
            last.Child = node;
        }
    }

    private JoinNode BuildJoin(ConditionCompiler compiler, PatternElement pattern, Scope scope, int index)
    {
        var (alpha, beta) = Split(pattern);
        var node = new JoinNode
        {
            RuleId = compiler.RuleId,
            RuleIndex = compiler.RuleIndex,
            ElementIndex = index,
            Join = JoinCompiler.Compile(compiler, beta, pattern.Declaration, scope, allowIndex: scope.Items.Count > 0),
        };
        AlphaPath(compiler, pattern.Declaration, alpha).Add(node);
        return node;
    }

    private QuantifierNode BuildQuantifier(ConditionCompiler compiler, PatternElement pattern, Scope scope, Func<JoinSpec, QuantifierNode> create)
    {
        if (pattern.Source is not null)
        {
            throw compiler.Error("not/exists over an aggregate is not supported; put the aggregate in its own pattern.");
        }
        var (alpha, beta) = Split(pattern);
        var node = create(JoinCompiler.Compile(compiler, beta, pattern.Declaration, scope));
        AlphaPath(compiler, pattern.Declaration, alpha).Add(node);
        return node;
    }

    private AggregateNode BuildAggregate(ConditionCompiler compiler, PatternElement pattern, AggregateElement aggregate, Scope scope, int index)
    {
        var source = aggregate.Source;
        if (source.Source is not null)
        {
            throw compiler.Error($"an aggregate over a {source.Source.ElementType} element is not supported by the indexed runtime.");
        }
        if (source.Declaration.Name == pattern.Declaration.Name || scope.TryFind(source.Declaration.Name, out _, out _))
        {
            throw compiler.Error($"aggregate source declaration '{source.Declaration.Name}' clashes with another declaration.");
        }
        var (alpha, beta) = Split(source);
        var (shape, groupBy, keySelector, elementSelector) = AggregateShapes.For(compiler, pattern.Declaration, aggregate);
        var node = new AggregateNode
        {
            RuleId = compiler.RuleId,
            RuleIndex = compiler.RuleIndex,
            ElementIndex = index,
            Join = JoinCompiler.Compile(compiler, beta, source.Declaration, scope),
            Shape = shape,
            GroupBy = groupBy,
            KeySelector = keySelector,
            ElementSelector = elementSelector,
            ResultConditions = JoinCompiler.Compile(compiler, pattern.Conditions(), pattern.Declaration, scope, allowIndex: false),
        };
        AlphaPath(compiler, source.Declaration, alpha).Add(node);
        return node;
    }

    private static (List<LambdaExpression> Alpha, List<LambdaExpression> Beta) Split(PatternElement pattern)
    {
        var alpha = new List<LambdaExpression>();
        var beta = new List<LambdaExpression>();
        foreach (var condition in pattern.Conditions())
        {
            (ConditionCompiler.IsAlpha(condition, pattern.Declaration) ? alpha : beta).Add(condition);
        }
        return (alpha, beta);
    }

    private AlphaMemory AlphaPath(ConditionCompiler compiler, Declaration declaration, IReadOnlyList<LambdaExpression> conditions)
    {
        if (!_typeNodes.TryGetValue(declaration.Type, out var typeNode))
        {
            typeNode = new TypeNode(declaration.Type);
            _typeNodes.Add(declaration.Type, typeNode);
        }
        AlphaNode node = typeNode;
        foreach (var condition in conditions)
        {
            if (condition.ReturnType != typeof(bool))
            {
                throw compiler.Error($"condition {condition} must return bool.");
            }
            node = node.Child(condition, declaration, compiler.RuleIndex, c => compiler.CompileAlpha(c, declaration));
        }
        return node.EnsureMemory();
    }
}
