namespace NetDoctor.Engine.Tests;

// Small fact types shared by the semantic tests. Records: equal values are still distinct facts to the engine.
public sealed record Pool(string Name, int Size = 0, bool Enabled = true);

public sealed record Address(string Pool, int Host);

public sealed record Tag(string Pool, string Label);

public sealed record Owner(string Pool, string Team);

public sealed record Overlap(Pool Pool, Address Address);

public sealed record Derived(string Text);

public sealed record Level2(string Text);

public sealed record Level3(string Text);

/// <summary>A mutable fact, to test Update after in-place changes.</summary>
public sealed class Counter(string name)
{
    public string Name { get; } = name;

    public int Value { get; set; }

    public override string ToString() => $"Counter {Name}={Value}";
}
