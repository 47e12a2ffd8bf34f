using System.Linq.Expressions;
using System.Reflection;

namespace NetDoctor.Packs.Expressions.Budget;

/// <summary>
/// Rewrites a compiled rule expression so that its loops and string building are metered by the rule's
/// <see cref="EvaluationMeter"/>: every lambda call is a step, every collection handed to a LINQ operator or helper is
/// enumerated through <see cref="EvaluationMeter.Each{T}"/>, strings that can grow are measured, and pad widths,
/// replacements and format strings are checked before they allocate. The root is bracketed by Begin/End only when
/// something was metered, so a plain test such as <c>a.Node == b.Node</c> keeps its exact shape (the engine hashes
/// equality joins and shares identical conditions between rules); an equality is metered side by side for the same reason.
/// </summary>
internal sealed class BudgetInstrumenter : ExpressionVisitor
{
    private static readonly MethodInfo BeginMethod = typeof(EvaluationMeter).GetMethod(nameof(EvaluationMeter.Begin))!;
    private static readonly MethodInfo EndMethod = typeof(EvaluationMeter).GetMethod(nameof(EvaluationMeter.End))!;
    private static readonly MethodInfo StepMethod = typeof(EvaluationMeter).GetMethod(nameof(EvaluationMeter.Step))!;
    private static readonly MethodInfo EachMethod = typeof(EvaluationMeter).GetMethod(nameof(EvaluationMeter.Each))!;
    private static readonly MethodInfo CharsMethod = typeof(EvaluationMeter).GetMethod(nameof(EvaluationMeter.Chars))!;
    private static readonly MethodInfo WidthMethod = typeof(EvaluationMeter).GetMethod(nameof(EvaluationMeter.Width))!;
    private static readonly MethodInfo ReplaceMethod = typeof(EvaluationMeter).GetMethod(nameof(EvaluationMeter.Replace))!;
    private static readonly MethodInfo FormatMethod = typeof(EvaluationMeter).GetMethod(nameof(EvaluationMeter.Format))!;
    private static readonly MethodInfo SlowMethod = typeof(EvaluationMeter).GetMethod(nameof(EvaluationMeter.Slow))!;

    /// <summary>Operators that read one or two elements of a materialized collection (or its Count) without a lambda.</summary>
    private static readonly HashSet<string> ConstantTimeOnCollections =
        ["Count", "LongCount", "Any", "First", "FirstOrDefault", "Last", "LastOrDefault", "Single", "SingleOrDefault", "ElementAt", "ElementAtOrDefault"];

    /// <summary>String operations whose result can be longer than any of their inputs, measured wherever they appear.</summary>
    private static readonly HashSet<string> Growing =
        ["Concat", "Join", "Insert", "PadLeft", "PadRight", "Replace", "Normalize", "ToBase64String", "ToHexString", "ToHexStringLower"];

    private readonly ConstantExpression _meter;
    private int _lambdas;
    private bool _metered;

    private BudgetInstrumenter(EvaluationMeter meter) => _meter = Expression.Constant(meter);

    /// <summary>The metered form of <paramref name="root"/>, one evaluation of which is one budget.</summary>
    public static Expression Instrument(Expression root, EvaluationMeter meter)
    {
        switch (root)
        {
            case BinaryExpression { NodeType: ExpressionType.Equal } equal:
                return equal.Update(Instrument(equal.Left, meter), equal.Conversion, Instrument(equal.Right, meter));
            case MethodCallExpression call when call.Type == typeof(void):
                // An action (derive/diagnose insert): each argument is evaluated, then the fact is inserted.
                return call.Update(call.Object, call.Arguments.Select(a => Instrument(a, meter)));
        }
        var instrumenter = new BudgetInstrumenter(meter);
        var body = instrumenter.Visit(root);
        if (!instrumenter._metered) return root;
        var begin = Expression.Call(instrumenter._meter, BeginMethod);
        return Expression.Call(instrumenter._meter, EndMethod.MakeGenericMethod(body.Type), begin, body);
    }

    protected override Expression VisitLambda<T>(Expression<T> node)
    {
        _lambdas++;
        var body = Visit(node.Body);
        _lambdas--;
        if (body.Type == typeof(void)) return node.Update(body, node.Parameters);
        return node.Update(Meter(StepMethod.MakeGenericMethod(body.Type), body), node.Parameters);
    }

    protected override Expression VisitMethodCall(MethodCallExpression node)
    {
        var method = node.Method;
        var parameters = method.GetParameters();
        var target = Visit(node.Object);
        var args = node.Arguments.Select(a => Visit(a)!).ToArray();
        for (int i = 0; i < args.Length; i++)
        {
            var type = parameters[i].ParameterType;
            if (SequenceElement(type) is { } element && !ConstantTime(method, node, args[i]) && !(i == 0 && PerElementLambda(method, node)))
                args[i] = Meter(EachMethod.MakeGenericMethod(element), args[i]);
            else if (type == typeof(string) && parameters[i].Name == "format")
                args[i] = Meter(FormatMethod, args[i]);
        }
        if (method.DeclaringType == typeof(string) && method.Name is "PadLeft" or "PadRight")
            args[0] = Meter(WidthMethod, args[0]);
        if (method.DeclaringType == typeof(string) && method.Name == "Replace" && target is not null
            && parameters.Length >= 2 && parameters[0].ParameterType == typeof(string))
        {
            target = Meter(ReplaceMethod, target, args[0], args[1]);
        }

        Expression call = node.Update(target, args);
        if (method.ReturnType == typeof(string) && (_lambdas > 0 || Growing.Contains(method.Name)))
            call = Meter(CharsMethod, call);
        // A regex can run up to its match timeout: inside a loop, read the clock after each one.
        if (method.DeclaringType == typeof(Helpers.Regex) && _lambdas > 0)
            call = Meter(SlowMethod.MakeGenericMethod(call.Type), call);
        return call;
    }

    protected override Expression VisitBinary(BinaryExpression node)
    {
        var visited = base.VisitBinary(node);
        return node.NodeType == ExpressionType.Add && node.Type == typeof(string) ? Meter(CharsMethod, visited) : visited;
    }

    private MethodCallExpression Meter(MethodInfo method, params Expression[] args)
    {
        _metered = true;
        var parameters = method.GetParameters();
        var converted = args.Select((a, i) => a.Type == parameters[i].ParameterType ? a : Expression.Convert(a, parameters[i].ParameterType));
        return Expression.Call(_meter, method, converted);
    }

    /// <summary>The element type when <paramref name="type"/> is IEnumerable&lt;T&gt; (a parameter that is enumerated).</summary>
    private static Type? SequenceElement(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>) ? type.GetGenericArguments()[0] : null;

    /// <summary><c>list.Count()</c>, <c>list.First()</c>: O(1) on a materialized collection, so not worth a step per element.</summary>
    private static bool ConstantTime(MethodInfo method, MethodCallExpression node, Expression source) =>
        method.DeclaringType == typeof(Enumerable)
        && ConstantTimeOnCollections.Contains(method.Name)
        && node.Arguments.Skip(1).All(a => a is not LambdaExpression && a is not UnaryExpression { NodeType: ExpressionType.Quote })
        && IsCollection(source.Type);

    /// <summary>
    /// <c>routes.Any(r => ...)</c>, <c>Where</c>, <c>Select</c>, <c>SelectMany</c>...: a LINQ operator with a lambda calls it
    /// for each element of its source, and each call is already a step, so the source is not metered twice.
    /// </summary>
    private static bool PerElementLambda(MethodInfo method, MethodCallExpression node) =>
        method.DeclaringType == typeof(Enumerable) && node.Arguments.Skip(1).Any(a => a is LambdaExpression);

    private static bool IsCollection(Type type) =>
        type.IsArray || type.GetInterfaces().Append(type).Any(i => i.IsGenericType
            && (i.GetGenericTypeDefinition() == typeof(ICollection<>) || i.GetGenericTypeDefinition() == typeof(IReadOnlyCollection<>)));
}
