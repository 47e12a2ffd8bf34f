namespace NetDoctor.Engine;

/// <summary>The names of the runtimes on the command line (<c>--engine indexed|nrules</c>), matched without regard to case.</summary>
public static class EngineKinds
{
    public static IReadOnlyList<string> Names { get; } = [Name(EngineKind.Indexed), Name(EngineKind.NRules)];

    public static string Name(EngineKind engine) => engine switch
    {
        EngineKind.Indexed => "indexed",
        EngineKind.NRules => "nrules",
        _ => throw new ArgumentOutOfRangeException(nameof(engine), engine, null),
    };

    public static bool TryParse(string? text, out EngineKind engine)
    {
        foreach (var candidate in Enum.GetValues<EngineKind>())
        {
            if (string.Equals(text?.Trim(), Name(candidate), StringComparison.OrdinalIgnoreCase))
            {
                engine = candidate;
                return true;
            }
        }
        engine = default;
        return false;
    }

    /// <exception cref="ArgumentException">The text names no runtime; the message lists the choices.</exception>
    public static EngineKind Parse(string? text) =>
        TryParse(text, out var engine) ? engine
        : throw new ArgumentException($"Unknown engine '{text}'; choose one of: {string.Join(", ", Names)}.", nameof(text));
}
