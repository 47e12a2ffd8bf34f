using System.Linq.Expressions;
using NetDoctor.Engine;
using NetDoctor.Engine.Aggregators;
using NetDoctor.Packs.Compilation.Actions;
using NetDoctor.Packs.Expressions;
using NetDoctor.Packs.Expressions.Budget;
using NetDoctor.Packs.Model;
using NetDoctor.Packs.Templates;
using NRules.RuleModel;
using NRules.RuleModel.Builders;

namespace NetDoctor.Packs.Compilation;

/// <summary>
/// Type-checks one YAML rule and compiles it through NRules' <see cref="RuleBuilder"/> to an <see cref="IRuleDefinition"/>:
/// each `when` element becomes a pattern (or not/exists/aggregate) whose conditions are lambdas over the bindings they
/// use (NRules binds lambda parameters to declarations by name), and `then` becomes actions whose first parameter is
/// NRules' <see cref="IContext"/>. Title, severity and pack ride on the definition's properties (<see cref="RuleMetadata"/>).
/// Every expression is metered by the rule's <see cref="EvaluationMeter"/> (<see cref="BudgetInstrumenter"/>), so a
/// condition or action over its budget stops with an error naming the rule instead of running away.
/// Every problem is reported with its position; a rule with errors yields null.
/// </summary>
internal sealed partial class YamlRuleCompiler(ExpressionSandbox sandbox, IReadOnlyDictionary<string, DerivedTypeInfo> derivedTypes, List<PackDiagnostic> diagnostics)
{
    private static readonly System.Reflection.MethodInfo DeriveInsert = typeof(DeriveRuntime).GetMethod(nameof(DeriveRuntime.Insert))!;
    private static readonly System.Reflection.MethodInfo DiagnoseInsert = typeof(DiagnoseRuntime).GetMethod(nameof(DiagnoseRuntime.Insert))!;

    private readonly HashSet<string> _used = new(StringComparer.Ordinal);
    private Dictionary<LambdaExpression, string> _conditionTexts = [];
    private int _errors;
    private EvaluationMeter _meter = null!;
    private RuleLets _lets = null!;

    public CompiledRule? Compile(string pack, RuleDocument doc)
    {
        _used.Clear();
        _conditionTexts = new(ReferenceEqualityComparer.Instance);
        _errors = 0;
        _meter = new EvaluationMeter(doc.Id, pack, sandbox.Limits);
        var scope = new RuleScope();
        var topBindings = new List<(string Name, SourceMark Mark)>();
        var builder = new RuleBuilder();
        var lhs = builder.LeftHandSide();
        // The lets' own parse must not consult the previous rule's lets, so start from none.
        _lets = new RuleLets([], [], ParsePlain, Error);
        _lets = new RuleLets(doc.Lets, TopParameters(doc.When), ParsePlain, Error);

        foreach (var element in doc.When)
        {
            switch (element)
            {
                case PatternDocument p:
                    if (Bind(p, scope) is not { } param) break;
                    var conditions = Conditions(p.Where, scope.With(param), param);
                    scope.Add(param);
                    AddConditions(lhs.Pattern(param.Type, p.As), conditions);
                    topBindings.Add((p.As, p.AsMark));
                    break;
                case NotDocument n:
                    if (Inner(n.Pattern, scope) is { } notPattern) lhs.Not().Pattern(notPattern);
                    break;
                case ExistsDocument e:
                    if (Inner(e.Pattern, scope) is { } existsPattern) lhs.Exists().Pattern(existsPattern);
                    break;
                case AggregateDocument a:
                    if (Aggregate(a, scope) is { } aggregate)
                    {
                        lhs.Pattern(aggregate);
                        topBindings.Add((a.As, a.AsMark));
                    }
                    break;
                case ForAllDocument f:
                    if (ForAll(f, scope) is { } forAll) lhs.ForAll(forAll);
                    break;
            }
        }

        var rhs = builder.RightHandSide();
        if (doc.Derive is { } derive && Derive(derive, scope) is { } deriveAction) rhs.Action(deriveAction);
        if (doc.Diagnose is { } diagnose && Diagnose(doc, diagnose, scope, topBindings) is { } diagnoseAction) rhs.Action(diagnoseAction);
        if (_errors > 0) return null;

        if (doc.Diagnose is { Evidence: null }) foreach (var (name, _) in topBindings) _used.Add(name);
        foreach (var (name, mark) in topBindings.Where(b => !_used.Contains(b.Name)))
        {
            diagnostics.Add(new PackDiagnostic(DiagnosticSeverity.Warning, DiagnosticCodes.UnusedBinding, mark,
                $"binding '{name}' is never used (not in a condition, template, derived field or the evidence)"));
        }

        foreach (var (name, mark) in _lets.Unused)
        {
            diagnostics.Add(new PackDiagnostic(DiagnosticSeverity.Warning, DiagnosticCodes.UnusedBinding, mark,
                $"let '{name}' is never used (not in a condition, template, derived field or another let)"));
        }

        builder.Name(doc.Id);
        builder.Description(doc.Description ?? "");
        builder.Priority(doc.Priority);
        builder.Tags(doc.Tags);
        builder.Property(RuleMetadata.TitleProperty, doc.Title);
        builder.Property(RuleMetadata.SeverityProperty, ParseSeverity(doc.Severity));
        builder.Property(RuleMetadata.PackProperty, pack);
        builder.Property(RuleMetadata.ReferencesProperty, doc.References.Concat(doc.Diagnose?.References ?? []).Distinct().ToList());
        try
        {
            return new CompiledRule(pack, doc, builder.Build()) { ConditionTexts = _conditionTexts };
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            // NRules' own validation of the model (declarations in scope, element shapes); the checks above should
            // have caught everything, so this names the rule rather than guessing a position.
            Error(DiagnosticCodes.TypeCheck, doc.IdMark, $"rule '{doc.Id}' is not a valid NRules rule: {ex.Message}");
            return null;
        }
    }

    private static void AddConditions(PatternBuilder pattern, IEnumerable<LambdaExpression> conditions)
    {
        foreach (var condition in conditions) pattern.Condition(condition);
    }

    public static RuleSeverity ParseSeverity(string text) => Enum.TryParse<RuleSeverity>(text, ignoreCase: true, out var s) ? s : RuleSeverity.Info;

    private ParameterExpression? Bind(PatternDocument p, RuleScope scope)
    {
        var type = ResolveFact(p.Fact, p.FactMark);
        if (scope.Contains(p.As))
        {
            Error(DiagnosticCodes.DuplicateBinding, p.AsMark, $"binding '{p.As}' is already defined in this rule; give this one another name with 'as:'");
            return null;
        }
        return type is null ? null : Expression.Parameter(type, p.As);
    }

    private PatternBuilder? Inner(PatternDocument p, RuleScope scope)
    {
        if (Bind(p, scope) is not { } param) return null;
        var pattern = new PatternBuilder(param.Type, p.As);
        AddConditions(pattern, Conditions(p.Where, scope.With(param), param));
        return pattern;
    }

    /// <summary>
    /// An aggregate the NRules way: a pattern of the result type whose source is an aggregate element. Collect (bound as
    /// IReadOnlyList) and Count use our aggregator factories, named on the element so NRules.Runtime finds them too;
    /// group-by is NRules' own.
    /// </summary>
    private PatternBuilder? Aggregate(AggregateDocument a, RuleScope scope)
    {
        if (Bind(a.Source, scope) is not { } source) return null;
        var sourcePattern = new PatternBuilder(source.Type, a.Source.As);
        AddConditions(sourcePattern, Conditions(a.Source.Where, scope.With(source), source));
        var aggregate = new AggregateBuilder();
        Type resultType;
        switch (a.Form)
        {
            case AggregateForm.Collect:
                resultType = typeof(IReadOnlyList<>).MakeGenericType(source.Type);
                aggregate.Aggregator(AggregateNames.Collect, [], typeof(ListCollectAggregatorFactory));
                break;
            case AggregateForm.Count:
                resultType = typeof(int);
                aggregate.Aggregator(AggregateNames.Count, [], typeof(CountAggregatorFactory));
                break;
            default:
                var key = Selector(a.Key!, source);
                var elementSelector = a.Element is null ? null : Selector(a.Element, source);
                if (key is null || (a.Element is not null && elementSelector is null)) return null;
                elementSelector ??= Expression.Lambda(source, source);
                resultType = typeof(IGrouping<,>).MakeGenericType(key.ReturnType, elementSelector.ReturnType);
                aggregate.GroupBy(key, elementSelector);
                break;
        }
        if (scope.Contains(a.As) || a.As == a.Source.As)
        {
            Error(DiagnosticCodes.DuplicateBinding, a.AsMark, $"binding '{a.As}' is already defined in this rule");
            return null;
        }
        aggregate.ResultType(resultType);
        aggregate.Pattern(sourcePattern);
        var result = Expression.Parameter(resultType, a.As);
        var conditions = Conditions(a.Where, scope.With(result), result);
        scope.Add(result);
        var pattern = new PatternBuilder(resultType, a.As);
        pattern.Aggregate(aggregate);
        AddConditions(pattern, conditions);
        return pattern;
    }

    private LambdaExpression? Selector(Expr expr, ParameterExpression source)
    {
        if (ParsePlain(expr, [source]) is not { } lambda) return null;
        _used.Add(source.Name!);
        return Expression.Lambda(Metered(lambda.Body), source);
    }

    private Type? ResolveFact(string name, SourceMark mark)
    {
        if (sandbox.Catalog.TryResolve(name, out var type)) return type;
        Error(DiagnosticCodes.UnknownType, mark, $"unknown fact type '{name}'" + DidYouMean.Hint(name, sandbox.Catalog.Names));
        return null;
    }

    /// <summary>
    /// Each `where` entry must be bool. Top-level '&amp;&amp;' is split so each part binds only the bindings it uses: a part that
    /// uses only this pattern's binding stays a filter on that type; one that joins two becomes a join (hash-indexed when '==').
    /// </summary>
    private List<LambdaExpression> Conditions(IReadOnlyList<Expr> where, IReadOnlyList<ParameterExpression> scope, ParameterExpression own)
    {
        var result = new List<LambdaExpression>();
        foreach (var expr in where)
        {
            if (Parse(expr, scope) is not { } lambda) continue;
            var body = lambda.Body;
            if (body.Type != typeof(bool))
            {
                Error(DiagnosticCodes.TypeCheck, expr.Mark, body.Type == typeof(bool?)
                    ? $"condition '{expr.Text}' can be null; compare it explicitly (e.g. '({expr.Text}) == true')"
                    : $"condition '{expr.Text}' must be true or false, but it is {TypeNames.Of(body.Type)}");
                continue;
            }
            var parts = SplitAnd(body).ToList();
            for (int i = 0; i < parts.Count; i++)
            {
                var part = parts[i];
                var used = ParameterUsage.Of(part, scope);
                foreach (var p in used) _used.Add(p.Name!);
                var condition = Expression.Lambda(Metered(part), used.Count > 0 ? used : [own]);
                _conditionTexts[condition] = parts.Count == 1 ? $"'{expr.Text}'" : $"'{expr.Text}' (part {i + 1} of {parts.Count}, split at '&&')";
                result.Add(condition);
            }
        }
        return result;
    }

    private static IEnumerable<Expression> SplitAnd(Expression body) =>
        body is BinaryExpression { NodeType: ExpressionType.AndAlso } and ? SplitAnd(and.Left).Concat(SplitAnd(and.Right)) : [body];

    private LambdaExpression? ParsePlain(Expr expr, IReadOnlyList<ParameterExpression> scope)
    {
        try
        {
            return sandbox.Parse(scope, expr.Text);
        }
        catch (ExpressionError ex)
        {
            if (_lets.UsesFailedLet(expr.Text)) _errors++;
            else Error(ex.Code, expr.At(ex.Position), ex.Message);
            return null;
        }
    }

    private LambdaExpression? Derive(DeriveAction derive, RuleScope scope)
    {
        if (!derivedTypes.TryGetValue(derive.Fact, out var info))
        {
            Error(DiagnosticCodes.UnknownType, derive.FactMark, sandbox.Catalog.TryResolve(derive.Fact, out _)
                ? $"'{derive.Fact}' is a collected fact type; derive can only insert a type declared under 'derivedFacts:' in a pack.yaml"
                : $"unknown derived fact type '{derive.Fact}'" + DidYouMean.Hint(derive.Fact, derivedTypes.Keys) + "; declare it under 'derivedFacts:' in pack.yaml");
            return null;
        }
        var bindings = new List<MemberBinding>();
        foreach (var field in derive.Fields)
        {
            var property = info.Type.GetProperty(field.Name);
            if (property is null || !info.FieldNames.Contains(field.Name))
            {
                Error(DiagnosticCodes.TypeCheck, field.NameMark, $"{derive.Fact} has no field '{field.Name}'" + DidYouMean.Hint(field.Name, info.FieldNames));
                continue;
            }
            if (Parse(field.Value, scope.Parameters) is not { } lambda) continue;
            if (Coerce(lambda.Body, property.PropertyType) is not { } value)
            {
                Error(DiagnosticCodes.TypeCheck, field.Value.Mark,
                    $"field '{field.Name}' of {derive.Fact} is {TypeNames.Of(property.PropertyType)}, but '{field.Value.Text}' is {TypeNames.Of(lambda.Body.Type)}");
                continue;
            }
            bindings.Add(Expression.Bind(property, value));
        }
        var missing = info.FieldNames.Where(n => derive.Fields.All(f => f.Name != n)).ToList();
        if (missing.Count > 0)
            Error(DiagnosticCodes.TypeCheck, derive.Mark, $"derive of {derive.Fact} does not set field{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing.Select(m => $"'{m}'"))}");
        if (bindings.Count != derive.Fields.Count || missing.Count > 0) return null;

        var context = Expression.Parameter(typeof(IContext), "__context");
        var body = Expression.Call(DeriveInsert, context, Expression.MemberInit(Expression.New(info.Type), bindings));
        return Action(context, body, scope);
    }

    private LambdaExpression? Diagnose(RuleDocument doc, DiagnoseAction diagnose, RuleScope scope, List<(string Name, SourceMark Mark)> topBindings)
    {
        int before = diagnostics.Count;
        var message = diagnose.Message is { } text ? CompileTemplate(text, scope.Parameters) : Outcomes(doc, diagnose, scope);
        var remediation = new List<(Template, Template?)>();
        foreach (var step in diagnose.Remediation)
        {
            var description = CompileTemplate(step.Description, scope.Parameters);
            var command = step.Command is null ? null : CompileTemplate(step.Command, scope.Parameters);
            if (description is not null && (step.Command is null || command is not null)) remediation.Add((description, command));
        }
        HashSet<string>? evidence = null;
        if (diagnose.Evidence is not null)
        {
            evidence = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (name, mark) in diagnose.Evidence)
            {
                if (topBindings.All(b => b.Name != name))
                    Error(DiagnosticCodes.TypeCheck, mark, $"evidence names unknown binding '{name}'" + DidYouMean.Hint(name, topBindings.Select(b => b.Name)));
                evidence.Add(name);
                _used.Add(name);
            }
        }
        int errors = diagnostics.Skip(before).Count(d => d.IsError);
        _errors += errors;
        if (message is null || remediation.Count != diagnose.Remediation.Count || errors > 0) return null;

        var spec = new DiagnosisSpec(message, remediation, diagnose.References.Concat(doc.References).Distinct().ToList(), evidence);
        var slots = new[] { message }.Concat(remediation.SelectMany(r => r.Item2 is null ? new[] { r.Item1 } : [r.Item1, r.Item2]))
            .SelectMany(t => t.Slots)
            .Select(s => (Expression)Expression.Convert(s, typeof(object)));
        var context = Expression.Parameter(typeof(IContext), "__context");
        var body = Expression.Call(DiagnoseInsert, context, Expression.Constant(spec), Expression.NewArrayInit(typeof(object), slots));
        return Action(context, body, scope);
    }

    private LambdaExpression Action(ParameterExpression context, Expression body, RuleScope scope)
    {
        var used = ParameterUsage.Of(body, scope.Parameters);
        foreach (var p in used) _used.Add(p.Name!);
        return Expression.Lambda(Metered(body), [context, .. used]);
    }

    private Expression Metered(Expression body) => BudgetInstrumenter.Instrument(body, _meter);

    /// <summary>The value converted to a field's type when that is a widening or same-type conversion; null otherwise.</summary>
    private static Expression? Coerce(Expression value, Type target)
    {
        if (value.Type == target) return value;
        if (target.IsAssignableFrom(value.Type)) return Expression.Convert(value, target);
        if (Nullable.GetUnderlyingType(target) is { } inner && (inner == value.Type || Widens(value.Type, inner))) return Expression.Convert(value, target);
        return Widens(value.Type, target) ? Expression.Convert(value, target) : null;
    }

    private static bool Widens(Type from, Type to) =>
        (from == typeof(int) && (to == typeof(long) || to == typeof(double))) || (from == typeof(long) && to == typeof(double));

    private void Error(string code, SourceMark mark, string message)
    {
        _errors++;
        diagnostics.Add(new PackDiagnostic(DiagnosticSeverity.Error, code, mark, message));
    }
}
