using System.Linq.Expressions;
using System.Net;
using System.Reflection;
using NetDoctor.Facts;
using NetDoctor.Packs.Diagnoses;
using NetDoctor.Packs.Expressions.Budget;
using NetDoctor.Packs.Expressions.Functions;
using NetDoctor.Packs.Types;

namespace NetDoctor.Packs.Expressions;

/// <summary>
/// Second line of the sandbox, after the type provider: walks a parsed expression and rejects any member, method or
/// constructor whose declaring type is not on the allow-list, anything that yields reflection objects, clock and
/// environment reads, regex patterns that do not compile, and strings whose constant size is over the limit
/// ("x".PadLeft(1000000000), a format asking for a billion digits). Dynamic LINQ has predefined types of its own
/// (DateTime, Guid, Uri, Enum...) that the type provider cannot remove; this walk is what keeps them out.
/// </summary>
internal sealed class SandboxValidator : ExpressionVisitor
{
    private static readonly HashSet<Type> AllowedDeclaringTypes =
    [
        typeof(object), typeof(string), typeof(bool), typeof(char), typeof(byte), typeof(short), typeof(int), typeof(long),
        typeof(ushort), typeof(uint), typeof(ulong), typeof(float), typeof(double), typeof(decimal), typeof(Math), typeof(Convert),
        typeof(Nullable<>), typeof(Enumerable), typeof(Queryable), typeof(TimeSpan), typeof(DateTimeOffset),
        typeof(IEnumerable<>), typeof(ICollection<>), typeof(IList<>), typeof(List<>), typeof(IReadOnlyCollection<>), typeof(IReadOnlyList<>),
        typeof(IReadOnlyDictionary<,>), typeof(IDictionary<,>), typeof(Dictionary<,>), typeof(KeyValuePair<,>), typeof(IGrouping<,>),
        typeof(IPAddress), typeof(IPNetwork), typeof(Array),
        typeof(DerivedFact), typeof(Diagnosis), typeof(Evidence), typeof(RemediationStep),
    ];

    private static readonly HashSet<string> ForbiddenMethods = ["GetType", "GetHashCode", "MemberwiseClone", "Finalize", "ReferenceEquals"];

    private readonly IReadOnlySet<Type> _extraTypes;
    private readonly HelperFunctions _functions;
    private readonly HashSet<Type> _helperClasses;
    private readonly ExpressionLimits _limits;
    private string? _violation;
    private string? _near;

    private SandboxValidator(IReadOnlySet<Type> extraTypes, HelperFunctions functions, ExpressionLimits limits)
    {
        _extraTypes = extraTypes;
        _functions = functions;
        _helperClasses = [.. functions.Classes];
        _limits = limits;
    }

    /// <summary>
    /// Returns a message naming what is not allowed, or null when the expression stays inside the sandbox;
    /// <paramref name="near"/> is the text to point at ("DateTimeOffset.Now", "PadLeft"), when known.
    /// </summary>
    public static string? Check(Expression expression, IReadOnlySet<Type> allowedFactTypes, HelperFunctions functions, ExpressionLimits limits, out string? near)
    {
        var validator = new SandboxValidator(allowedFactTypes, functions, limits);
        if (ClockAndEnvironment.Find(expression) is { } clock)
            validator.Fail(ClockAndEnvironment.Message(clock), $"{clock.DeclaringType!.Name}.{clock.Name}");
        validator.Visit(expression);
        near = validator._near;
        return validator._violation;
    }

    protected override Expression VisitMember(MemberExpression node)
    {
        if (node.Member.DeclaringType is { } declaring && !Allowed(declaring))
            Fail($"'{declaring.Name}.{node.Member.Name}' is not available in rule expressions");
        if (IsReflection(node.Type)) Fail($"'{node.Member.Name}' is not allowed in rule expressions (no reflection)");
        return base.VisitMember(node);
    }

    protected override Expression VisitMethodCall(MethodCallExpression node)
    {
        var method = node.Method;
        if (method.DeclaringType == typeof(string) && method.Name == "Format")
            Fail("'string.Format' is not available in rule expressions: use a template ('{{ }}') or '+'", "Format");
        else if (ConstantSize(node) is { } size && size > _limits.MaxStringLength)
            Fail($"'{method.Name}' would build a string of {size:N0} characters; rule expressions may build at most {_limits.MaxStringLength:N0}", method.Name);
        else if (ForbiddenMethods.Contains(method.Name))
            Fail($"'{method.Name}' is not allowed in rule expressions (no reflection)");
        else if (method.DeclaringType is { } helper && _helperClasses.Contains(helper) && !_functions.Contains(method))
            Fail($"'{helper.Name}.{method.Name}' is not in the table of helper functions (netdoctor types --functions lists them)", method.Name);
        else if (method.DeclaringType is { } declaring && !Allowed(declaring))
            Fail($"'{declaring.Name}.{method.Name}' is not available in rule expressions");
        else if (IsReflection(method.ReturnType))
            Fail($"'{method.Name}' is not allowed in rule expressions (no reflection)");
        else if (method.DeclaringType == typeof(Helpers.Regex) && node.Arguments.Count > 1 && node.Arguments[1] is ConstantExpression { Value: string pattern })
            CheckPattern(pattern);
        return base.VisitMethodCall(node);
    }

    protected override Expression VisitNew(NewExpression node)
    {
        if (node.Constructor?.DeclaringType is { } declaring && !Allowed(declaring))
            Fail($"creating '{declaring.Name}' is not allowed in rule expressions");
        return base.VisitNew(node);
    }

    protected override Expression VisitInvocation(InvocationExpression node)
    {
        Fail("invoking delegates is not allowed in rule expressions");
        return base.VisitInvocation(node);
    }

    private bool Allowed(Type type)
    {
        if (type.IsGenericType) type = type.GetGenericTypeDefinition();
        if (AllowedDeclaringTypes.Contains(type) || _helperClasses.Contains(type) || _extraTypes.Contains(type) || type.IsEnum) return true;
        // Data types of the Facts assembly (Cidr, NextHop, Source, enums) and emitted derived types.
        return type.Assembly == typeof(Fact).Assembly || typeof(DerivedFact).IsAssignableFrom(type);
    }

    private static bool IsReflection(Type type) =>
        typeof(MemberInfo).IsAssignableFrom(type) || typeof(Assembly).IsAssignableFrom(type) || typeof(Module).IsAssignableFrom(type)
        || (typeof(Delegate).IsAssignableFrom(type) && type != typeof(Delegate) && !type.Name.StartsWith("Func`", StringComparison.Ordinal))
        || type == typeof(AppDomain);

    private void CheckPattern(string pattern)
    {
        try
        {
            _ = new System.Text.RegularExpressions.Regex(pattern, System.Text.RegularExpressions.RegexOptions.None, Helpers.Regex.MatchTimeout);
        }
        catch (ArgumentException ex)
        {
            Fail($"invalid regular expression '{pattern}': {ex.Message}");
        }
    }

    /// <summary>The size a call asks for when it is written as a constant: a pad width, or the widest field of a format string.</summary>
    private static long? ConstantSize(MethodCallExpression node)
    {
        var parameters = node.Method.GetParameters();
        for (int i = 0; i < parameters.Length; i++)
        {
            if (node.Arguments[i] is not ConstantExpression { Value: { } value }) continue;
            if (node.Method.DeclaringType == typeof(string) && node.Method.Name is "PadLeft" or "PadRight" && i == 0 && value is int width) return width;
            if (parameters[i].Name == "format" && value is string format) return FormatWidth.Largest(format);
        }
        return null;
    }

    private void Fail(string message, string? near = null)
    {
        if (_violation is not null) return;
        _violation = message;
        _near = near;
    }
}
