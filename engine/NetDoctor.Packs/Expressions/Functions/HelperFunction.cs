using System.Reflection;

namespace NetDoctor.Packs.Expressions.Functions;

/// <summary>
/// One row of the helper-function table (<see cref="HelperFunctions"/>): what a rule expression may call, with the
/// signature and the one-line description `netdoctor types --functions` and docs/functions.md show. Overloads are rows of
/// their own. <paramref name="Pack"/> names the pack that contributed the function (null: the shared sandbox's own).
/// </summary>
public sealed record HelperFunction(MethodInfo Method, string Category, string Description, string? Pack = null)
{
    /// <summary>The name as written in an expression: "Net.Contains".</summary>
    public string Name => $"{Method.DeclaringType!.Name}.{Method.Name}";

    public IReadOnlyList<HelperArgument> Arguments { get; } = [.. Method.GetParameters()
        .Select(p => new HelperArgument(p.Name ?? "", TypeDisplay.Of(p), p.IsDefined(typeof(ParamArrayAttribute))))];

    public string Result { get; } = TypeDisplay.Of(Method.ReturnParameter);

    /// <summary>"Net.Contains(network Cidr, address IPAddress?) bool": how the table and the docs show it.</summary>
    public string Signature => $"{Name}({string.Join(", ", Arguments.Select(a => a.ToString()))}) {Result}";
}

/// <summary>An argument of a helper function: its name and type in the reference's words ("list&lt;string?&gt;").</summary>
public sealed record HelperArgument(string Name, string Type, bool Variadic)
{
    public override string ToString() => $"{Name} {Type}{(Variadic ? "..." : "")}";
}
