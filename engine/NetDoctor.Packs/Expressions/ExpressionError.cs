namespace NetDoctor.Packs.Expressions;

/// <summary>An expression that does not parse, type-check or stay in the sandbox; <see cref="Position"/> is 0-based in its text.</summary>
public sealed class ExpressionError(string message, int position, string code) : Exception(message)
{
    public int Position { get; } = position;

    /// <summary>A <see cref="Model.DiagnosticCodes"/> value: type-check or sandbox.</summary>
    public string Code { get; } = code;
}
