using NRules.RuleModel;

namespace NetDoctor.Engine.NRulesRuntime;

/// <summary>
/// The adapter's record of NRules' working memory, kept from NRules' fact events: which objects are facts (by
/// reference), in insertion order, and how each rule-made fact was derived. NRules itself keeps facts in a dictionary
/// whose order moves on update and retract, and remembers no derivation for facts an action inserted without linking.
/// </summary>
internal sealed class FactLedger
{
    private readonly Dictionary<object, Entry> _byValue = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<IFact, Entry> _byFact = new(ReferenceEqualityComparer.Instance);
    private readonly LinkedList<Entry> _order = new();

    public bool Contains(object value) => _byValue.ContainsKey(value);

    public Entry? Find(object value) => _byValue.GetValueOrDefault(value);

    public Entry? Find(IFact fact) => _byFact.GetValueOrDefault(fact);

    public Entry Add(IFact fact, Derivation? derivation)
    {
        var entry = new Entry(fact, fact.Value!, derivation);
        _byValue[entry.Value] = entry;
        _byFact[fact] = entry;
        entry.Node = _order.AddLast(entry);
        return entry;
    }

    /// <summary>After an update: NRules may have given the fact a new object (a linked fact re-derived as a new record); it keeps its place.</summary>
    public Entry? Refresh(IFact fact)
    {
        if (_byFact.GetValueOrDefault(fact) is not { } entry)
        {
            return null;
        }
        var value = fact.Value!;
        if (!ReferenceEquals(value, entry.Value))
        {
            _byValue.Remove(entry.Value);
            entry.Value = value;
            _byValue[value] = entry;
        }
        return entry;
    }

    public Entry? Remove(IFact fact)
    {
        if (!_byFact.Remove(fact, out var entry))
        {
            return null;
        }
        _byValue.Remove(entry.Value);
        _order.Remove(entry.Node!);
        return entry;
    }

    public List<T> OfType<T>()
    {
        var result = new List<T>();
        foreach (var entry in _order)
        {
            if (entry.Value is T t)
            {
                result.Add(t);
            }
        }
        return result;
    }

    internal sealed class Entry(IFact fact, object value, Derivation? derivation)
    {
        /// <summary>NRules' wrapper of the fact: the same object for the fact's whole life, even when its value is replaced.</summary>
        public readonly IFact Fact = fact;

        public object Value = value;

        public Derivation? Derivation = derivation;

        public LinkedListNode<Entry>? Node;

        /// <summary>Linked to a rule's match (truth-maintained): NRules lets only that match update or retract it.</summary>
        public bool IsLinked => Fact.Source is not null;
    }
}
