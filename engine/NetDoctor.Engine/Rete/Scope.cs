using NRules.RuleModel;

namespace NetDoctor.Engine.Rete;

/// <summary>The declarations bound by the elements to the left of a node, with the token element index of each.</summary>
internal sealed class Scope(IReadOnlyList<(Declaration Declaration, int Index)> items)
{
    public static readonly Scope Empty = new([]);

    public IReadOnlyList<(Declaration Declaration, int Index)> Items { get; } = items;

    public bool TryFind(string name, out Declaration declaration, out int index)
    {
        foreach (var (d, i) in Items)
        {
            if (d.Name == name)
            {
                (declaration, index) = (d, i);
                return true;
            }
        }
        (declaration, index) = (null!, -1);
        return false;
    }

    public Scope With(Declaration declaration, int index) => new([.. Items, (declaration, index)]);

    public List<BoundFact> Bind(Token token)
    {
        var facts = new List<BoundFact>(Items.Count);
        foreach (var (d, i) in Items)
        {
            facts.Add(new BoundFact(d, Token.ValueAt(token, i)));
        }
        return facts;
    }

    public string Names => Items.Count == 0 ? "(none)" : string.Join(", ", Items.Select(i => i.Declaration.Name));
}
