using NRules.RuleModel;

namespace NetDoctor.Engine.Runtime;

/// <summary>NRules' <see cref="IContext"/> as the indexed runtime hands it to actions; one per session, pointing at the activation being fired.</summary>
internal sealed class ActionContext(Session session) : IContext
{
    public Activation Current { get; private set; } = null!;

    public CancellationToken CancellationToken { get; private set; }

    public IRuleDefinition Rule => Current.Terminal.Rule;

    public IMatch Match => Current;

    public void Enter(Activation activation, CancellationToken cancellationToken)
    {
        Current = activation;
        CancellationToken = cancellationToken;
    }

    public void Halt() => session.Halt();

    public void Insert(object fact) => session.InsertFromAction(fact, Current);

    public void InsertAll(IEnumerable<object> facts)
    {
        foreach (var fact in facts)
        {
            Insert(fact);
        }
    }

    public bool TryInsert(object fact)
    {
        if (session.Contains(fact))
        {
            return false;
        }
        Insert(fact);
        return true;
    }

    public void Update(object fact) => session.Update(fact);

    public void UpdateAll(IEnumerable<object> facts)
    {
        foreach (var fact in facts)
        {
            Update(fact);
        }
    }

    public bool TryUpdate(object fact)
    {
        if (!session.Contains(fact))
        {
            return false;
        }
        Update(fact);
        return true;
    }

    public void Retract(object fact) => session.Retract(fact);

    public void RetractAll(IEnumerable<object> facts)
    {
        foreach (var fact in facts)
        {
            Retract(fact);
        }
    }

    public bool TryRetract(object fact) => session.TryRetract(fact);

    // A linked fact retracted from outside its match (which this runtime allows) is no longer linked: the match's next
    // firing finds its key free and links a new fact.
    public IReadOnlyCollection<object> GetLinkedKeys() =>
        Current.Linked is { } linked ? [.. linked.Where(kv => kv.Value.InWorkingMemory).Select(kv => kv.Key)] : [];

    public object? GetLinked(object key) => Current.Linked?.GetValueOrDefault(key) is { InWorkingMemory: true } handle ? handle.Value : null;

    public void InsertLinked(object key, object fact) => session.InsertLinked(Current, key, fact);

    public void InsertAllLinked(IEnumerable<KeyValuePair<object, object>> keyedFacts)
    {
        foreach (var (key, fact) in keyedFacts)
        {
            InsertLinked(key, fact);
        }
    }

    public void UpdateLinked(object key, object fact) => session.UpdateLinked(Current, key, fact);

    public void UpdateAllLinked(IEnumerable<KeyValuePair<object, object>> keyedFacts)
    {
        foreach (var (key, fact) in keyedFacts)
        {
            UpdateLinked(key, fact);
        }
    }

    public void RetractLinked(object key, object fact) => session.RetractLinked(Current, key, fact);

    public void RetractAllLinked(IEnumerable<KeyValuePair<object, object>> keyedFacts)
    {
        foreach (var (key, fact) in keyedFacts)
        {
            RetractLinked(key, fact);
        }
    }

    public object Resolve(Type serviceType) => session.Resolve(serviceType);
}
