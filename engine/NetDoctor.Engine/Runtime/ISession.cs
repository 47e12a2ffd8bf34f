namespace NetDoctor.Engine;

/// <summary>
/// A working memory plus agenda over one compiled rule set. Single-threaded: use one session per thread.
/// Facts are tracked by reference identity (two equal records are two facts).
/// </summary>
public interface ISession
{
    IEngineEvents Events { get; }

    /// <summary>Adds a fact. Throws <see cref="InvalidOperationException"/> when this object is already in working memory.</summary>
    void Insert(object fact);

    /// <summary>Adds facts as one propagation batch (aggregates are recomputed once at the end).</summary>
    void InsertAll(IEnumerable<object> facts);

    /// <summary>
    /// Re-evaluates a fact after it changed; activations involving it fire again. Throws <see cref="InvalidOperationException"/>
    /// when the fact is unknown, and on the NRules runtime when it is linked to a rule's match (only that match may change it).
    /// </summary>
    void Update(object fact);

    /// <summary>Removes a fact. Throws <see cref="InvalidOperationException"/> when the fact is unknown, or (NRules runtime) linked to a match.</summary>
    void Retract(object fact);

    /// <summary>Removes a fact if present; returns whether it was. A linked fact on the NRules runtime throws as in <see cref="Retract"/>.</summary>
    bool TryRetract(object fact);

    /// <summary>
    /// Fires activations until the agenda is empty or an action halts. <paramref name="maxFirings"/> is the firing budget
    /// (default <see cref="RuleCompiler.DefaultFiringBudget"/>): exceeding it throws <see cref="RunawayRulesException"/>.
    /// Returns the number of rules fired.
    /// </summary>
    int Fire(int? maxFirings = null, CancellationToken cancellationToken = default);

    /// <summary>Every fact of type <typeparamref name="T"/> in working memory (inserted or derived), in insertion order.</summary>
    IEnumerable<T> Query<T>();

    /// <summary>How a fact was derived: the rule and the matched facts; null for facts inserted from outside the rules.</summary>
    Derivation? Explain(object fact);

    /// <summary>Firings per rule id since the session was created (for profiling).</summary>
    IReadOnlyDictionary<string, int> FiringCounts { get; }
}
