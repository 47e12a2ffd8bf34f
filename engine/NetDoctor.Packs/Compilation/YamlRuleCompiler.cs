using System.Linq.Expressions;
using NetDoctor.Engine;
using NetDoctor.Engine.Aggregators;
using NetDoctor.Packs.Compilation.Actions;
using NetDoctor.Packs.Expressions;
using NetDoctor.Packs.Expressions.Budget;
using NetDoctor.Packs.Model;
using NetDoctor.Packs.Templates;
using NetDoctor.Packs.Types;
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
internal sealed class YamlRuleCompiler(ExpressionSandbox sandbox, IReadOnlyDictionary<string, DerivedTypeInfo> derivedTypes, List<PackDiagnostic> diagnostics)
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
            diagnostics.Add(new PackDiagnostic(DiagnosticSeverity.Warning, DiagnosticCodes.UnusedBinding, mark,
                $"binding '{name}' is never used (not in a condition, template, derived field or the evidence)"));
        foreach (var (name, mark) in _lets.Unused)
            diagnostics.Add(new PackDiagnostic(DiagnosticSeverity.Warning, DiagnosticCodes.UnusedBinding, mark,
                $"let '{name}' is never used (not in a condition, template, derived field or another let)"));

        builder.Name(doc.Id);
        builder.Description(doc.Description ?? "");
        builder.Priority(doc.Priority);
        builder.Tags(doc.Tags);
        builder.Property(RuleMetadata.TitleProperty, doc.Title);
        builder.Property(RuleMetadata.SeverityProperty, ParseSeverity(doc.Severity));
        builder.Property(RuleMetadata.PackProperty, pack);
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
    /// Each `where` entry must be bool. Top-level '&&' is split so each part binds only the bindings it uses: a part that
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

        var spec = new DiagnosisSpec(doc.Id, ParseSeverity(doc.Severity), doc.Title, message, remediation, diagnose.References.Concat(doc.References).Distinct().ToList(), evidence);
        var slots = new[] { message }.Concat(remediation.SelectMany(r => r.Item2 is null ? new[] { r.Item1 } : [r.Item1, r.Item2]))
            .SelectMany(t => t.Slots)
            .Select(s => (Expression)Expression.Convert(s, typeof(object)));
        var context = Expression.Parameter(typeof(IContext), "__context");
        var body = Expression.Call(DiagnoseInsert, context, Expression.Constant(spec), Expression.NewArrayInit(typeof(object), slots));
        return Action(context, body, scope);
    }

    /// <summary>
    /// `outcomes:`: each `when` a bool over the bindings and lets, each message a template; the message is one slot that
    /// renders the first variant whose `when` holds. An entry without `when` is the default and must come last; without
    /// one, a diagnosis no variant describes gets the rule's title as its message (vet warns about that).
    /// </summary>
    private Template? Outcomes(RuleDocument doc, DiagnoseAction diagnose, RuleScope scope)
    {
        var variants = new List<(Expression?, Template)>();
        bool ok = true;
        for (int i = 0; i < diagnose.Outcomes.Count; i++)
        {
            var outcome = diagnose.Outcomes[i];
            Expression? when = null;
            if (outcome.When is { } condition)
            {
                when = Parse(condition, scope.Parameters)?.Body;
                if (when is not null && when.Type != typeof(bool))
                {
                    Error(DiagnosticCodes.TypeCheck, condition.Mark, $"outcome condition '{condition.Text}' must be true or false, but it is {TypeNames.Of(when.Type)}");
                    when = null;
                }
                ok &= when is not null;
            }
            else if (i < diagnose.Outcomes.Count - 1)
            {
                Error(DiagnosticCodes.TypeCheck, outcome.Mark, "an outcome without 'when' is the default and must be the last one (the ones after it could never be chosen)");
                ok = false;
            }
            var message = CompileTemplate(outcome.Message, scope.Parameters);
            ok &= message is not null;
            if (message is not null) variants.Add((when, message));
        }
        if (diagnose.Outcomes.All(o => o.When is not null))
            diagnostics.Add(new PackDiagnostic(DiagnosticSeverity.Warning, DiagnosticCodes.NoDefaultOutcome, diagnose.Outcomes[^1].Mark,
                $"outcomes have no default (a last entry without 'when'): when none holds, the message is the rule's title \"{doc.Title}\""));
        return ok ? Template.FirstOf(diagnose.MessageText, variants, doc.Title) : null;
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
