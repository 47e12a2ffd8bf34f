namespace NetDoctor.Engine.Tests.Differential;

// Mutable facts (updated in place, then Update()), identified by reference like every engine fact.
public abstract class Item(int id, int key, int val)
{
    public int Id { get; } = id;

    public int Key { get; set; } = key;

    public int Val { get; set; } = val;

    public override string ToString() => $"{GetType().Name}{Id}(k{Key},v{Val})";
}

public sealed class A(int id, int key, int val) : Item(id, key, val);

public sealed class B(int id, int key, int val) : Item(id, key, val);

public sealed class C(int id, int key, int val) : Item(id, key, val);

/// <summary>Derived by a rule from an (A, B) pair, consumed by the next rule level.</summary>
public sealed record D(int Key, int AId, int BId);

/// <summary>One current match of one rule, as text that includes every value the match depends on.</summary>
public sealed record Hit(string Rule, string Sig)
{
    public override string ToString() => $"{Rule}:{Sig}";
}
