namespace NetDoctor.Engine.NRulesRuntime;

/// <summary>
/// Our session contract over an NRules.Runtime session. NRules does the matching and firing; this adapter keeps the
/// contract NRules does not: reference identity and insertion order (<see cref="FactLedger"/>), our exceptions, the
/// firing budget, explanations and events. Single-threaded, like the NRules session it wraps.
/// </summary>
internal sealed partial class NRulesSession : ISession
{
    private readonly NRules.ISession _inner;
    private readonly RuleMap _rules;
    private readonly FactLedger _ledger = new();
    private readonly Runtime.EngineEvents _events = new();

    public NRulesSession(NRules.ISession inner, RuleMap rules)
    {
        this._inner = inner;
        this._rules = rules;
        inner.ActionInterceptor = new FiringInterceptor(this);
        Subscribe(inner.Events);
    }

    public IEngineEvents Events => _events;

    public void Insert(object fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        if (_ledger.Contains(fact))
        {
            throw AlreadyInserted(fact);
        }
        Propagate(() => _inner.Insert(fact));
    }

    /// <summary>
    /// One NRules batch. NRules inserts all or nothing and does not notice an object repeated inside the batch; like the
    /// indexed runtime, the facts before the first duplicate (or null) are inserted and then the call throws.
    /// </summary>
    public void InsertAll(IEnumerable<object> facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var batch = new List<object>();
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        Exception? stop = null;
        foreach (var fact in facts)
        {
            if (fact is null)
            {
                stop = new ArgumentNullException(nameof(facts));
                break;
            }
            if (_ledger.Contains(fact) || !seen.Add(fact))
            {
                stop = AlreadyInserted(fact);
                break;
            }
            batch.Add(fact);
        }
        if (batch.Count > 0)
        {
            Propagate(() => _inner.InsertAll(batch));
        }
        if (stop is not null)
        {
            throw stop;
        }
    }

    public void Update(object fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        var entry = _ledger.Find(fact) ?? throw Unknown(fact, "update");
        RequireUnlinked(entry, "update");
        Propagate(() => _inner.Update(fact));
    }

    public void Retract(object fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        if (!TryRetract(fact))
        {
            throw Unknown(fact, "retract");
        }
    }

    public bool TryRetract(object fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        if (_ledger.Find(fact) is not { } entry)
        {
            return false;
        }
        RequireUnlinked(entry, "retract");
        Propagate(() => _inner.Retract(fact));
        return true;
    }

    public IEnumerable<T> Query<T>() => _ledger.OfType<T>();

    public Derivation? Explain(object fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        return _ledger.Find(fact)?.Derivation;
    }

    private static InvalidOperationException AlreadyInserted(object fact) =>
        new($"The fact is already in working memory: {FactText.Describe(fact)}");

    private static InvalidOperationException Unknown(object fact, string operation) =>
        new($"Cannot {operation} a fact that is not in working memory: {FactText.Describe(fact)}");

    /// <summary>
    /// NRules refuses to update or retract a linked fact from outside the match that links it (it would fail with
    /// "facts do not exist"); say why instead. The indexed runtime allows it.
    /// </summary>
    private void RequireUnlinked(FactLedger.Entry entry, string operation)
    {
        if (entry.IsLinked)
        {
            var rule = entry.Derivation?.Rule.Name ?? "a rule";
            throw new InvalidOperationException(
                $"Cannot {operation} {FactText.Describe(entry.Value)}: it is linked to a match of rule '{rule}', and the NRules runtime lets only that match change it.");
        }
    }
}
