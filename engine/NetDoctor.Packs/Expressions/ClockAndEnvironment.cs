using System.Linq.Expressions;
using System.Reflection;

namespace NetDoctor.Packs.Expressions;

/// <summary>
/// Members that read the clock, the machine or chance. A diagnosis must be the same whenever and wherever a bundle is
/// read (a test that passes today must pass tomorrow, on any host), so rule expressions cannot use them — even on types
/// that are otherwise allowed, such as DateTimeOffset for fact timestamps.
/// </summary>
internal sealed class ClockAndEnvironment : ExpressionVisitor
{
    private static readonly Dictionary<Type, HashSet<string>?> Members = new()
    {
        [typeof(DateTime)] = ["Now", "UtcNow", "Today", "ToLocalTime", "ToUniversalTime"],
        [typeof(DateTimeOffset)] = ["Now", "UtcNow", "LocalDateTime", "ToLocalTime"],
        [typeof(Guid)] = ["NewGuid", "CreateVersion7"],
        // Every member of these types (null: all).
        [typeof(Environment)] = null,
        [typeof(System.Diagnostics.Stopwatch)] = null,
        [typeof(System.Diagnostics.Process)] = null,
        [typeof(Random)] = null,
        [typeof(TimeZoneInfo)] = null,
        [typeof(TimeProvider)] = null,
    };

    private MemberInfo? _found;

    /// <summary>The first clock or environment read in <paramref name="expression"/> (checked before anything else, so
    /// "DateTime.Now.Year" is reported as the clock read it is, not as DateTime.Year).</summary>
    public static MemberInfo? Find(Expression expression)
    {
        var finder = new ClockAndEnvironment();
        finder.Visit(expression);
        return finder._found;
    }

    public static string Message(MemberInfo member) =>
        $"'{member.DeclaringType!.Name}.{member.Name}' reads the clock or the environment, which rule expressions cannot: "
        + "a diagnosis must not depend on when or where the bundle is read";

    protected override Expression VisitMember(MemberExpression node)
    {
        Check(node.Member);
        return base.VisitMember(node);
    }

    protected override Expression VisitMethodCall(MethodCallExpression node)
    {
        Check(node.Method);
        return base.VisitMethodCall(node);
    }

    private void Check(MemberInfo member)
    {
        if (_found is null && member.DeclaringType is { } type && Members.TryGetValue(type, out var names) && (names is null || names.Contains(member.Name)))
            _found = member;
    }
}
