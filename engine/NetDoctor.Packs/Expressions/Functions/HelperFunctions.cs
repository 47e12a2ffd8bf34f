using System.Linq.Expressions;
using System.Reflection;

namespace NetDoctor.Packs.Expressions.Functions;

/// <summary>
/// The one table of functions rule expressions may call (modelled on Open Policy Agent's builtins table: name, argument
/// types, result type, description, category). The sandbox allows a helper class only through this table, and a method
/// of such a class that has no row is rejected at load time, so the table, `netdoctor types --functions` and
/// docs/functions.md cannot drift from what expressions can really do. Immutable: <see cref="With"/> returns a copy, which
/// is how a pack contributes functions of its own.
/// </summary>
public sealed class HelperFunctions
{
    private readonly IReadOnlyList<HelperFunction> _all;
    private readonly HashSet<MethodInfo> _methods;

    private HelperFunctions(IReadOnlyList<HelperFunction> all)
    {
        _all = all;
        _methods = [.. all.Select(f => f.Method)];
        Classes = [.. all.Select(f => f.Method.DeclaringType!).Distinct()];
    }

    /// <summary>The shared sandbox's functions (<see cref="BuiltInFunctions"/>) plus the calico pack's chain-name helpers.</summary>
    public static HelperFunctions BuiltIn { get; } = new(BuiltInFunctions.All);

    /// <summary>No functions at all (tests of the table itself).</summary>
    public static HelperFunctions None { get; } = new([]);

    /// <summary>Every row, in table order (category, then as listed).</summary>
    public IReadOnlyList<HelperFunction> All => _all;

    /// <summary>The classes expressions may name ("Net", "Text", ...), in the order they were first listed.</summary>
    public IReadOnlyList<Type> Classes { get; }

    public bool Contains(MethodInfo method) => _methods.Contains(method);

    /// <summary>
    /// A copy with <paramref name="functions"/> added (a pack's contribution). A class name already used by another class
    /// is refused: expressions name helpers by simple class name, so two "Net"s could not be told apart.
    /// </summary>
    public HelperFunctions With(IEnumerable<HelperFunction> functions)
    {
        var added = functions.ToList();
        foreach (var type in added.Select(f => f.Method.DeclaringType!).Distinct())
        {
            if (Classes.FirstOrDefault(c => c.Name == type.Name && c != type) is { } taken)
                throw new ArgumentException($"helper class name '{type.Name}' is already taken by {taken.FullName}");
        }

        return new HelperFunctions([.. _all, .. added.Where(f => !_methods.Contains(f.Method))]);
    }

    /// <summary>
    /// The rows a trusted C# pack contributes with a <c>[RuleHelper]</c> class: every public static method, described by
    /// its <see cref="System.ComponentModel.DescriptionAttribute"/> (a method without one is still listed, undocumented),
    /// in the category and under the name of <paramref name="pack"/>.
    /// </summary>
    public static IEnumerable<HelperFunction> FromClass(Type helperClass, string pack) =>
        helperClass.GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(m => !m.IsSpecialName)
            .OrderBy(m => m.MetadataToken)
            .Select(m => new HelperFunction(m, pack,
                m.GetCustomAttribute<System.ComponentModel.DescriptionAttribute>()?.Description ?? "", pack));

    /// <summary>
    /// A row for the static method called in <paramref name="call"/> (<c>() => Net.IsCidr(default)</c>): the call picks the
    /// overload at compile time, so a renamed or removed helper breaks the build rather than the table.
    /// </summary>
    public static HelperFunction Function(Expression<Func<object?>> call, string category, string description, string? pack = null)
    {
        var body = call.Body is UnaryExpression { NodeType: ExpressionType.Convert } convert ? convert.Operand : call.Body;
        if (body is not MethodCallExpression { Method: { IsStatic: true } method })
            throw new ArgumentException("a helper function is a call of a public static method: () => Net.IsCidr(default)", nameof(call));
        return new HelperFunction(method, category, description, pack);
    }
}
