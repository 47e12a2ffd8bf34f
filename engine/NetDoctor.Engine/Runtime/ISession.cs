namespace NetDoctor.Engine;

/// <summary>
/// A working memory plus agenda over one compiled rule set. Single-threaded: use one session per thread.
/// Facts are tracked by reference identity (two equal records are two facts).
/// <para>
/// One failing rule never stops the others: a condition or action that throws (a regex timeout, a null argument, an
/// expression budget stop, an allocation failure) is recorded in <see cref="RuleFailures"/> and raised as
/// <see cref="IEngineEvents.Error"/>; that rule is disabled for the rest of the session, its pending activations are
/// removed and what it derived through linked facts is retracted (and, transitively, what other rules derived from
/// those). Insert, Update, Retract and Fire do not throw for it.
/// </para>
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
    /// Fires activations until the agenda is empty or an action halts. An action that throws fails its rule (see
    /// <see cref="RuleFailures"/>) and firing goes on. <paramref name="maxFirings"/> is the firing budget
    /// (default <see cref="RuleCompiler.DefaultFiringBudget"/>): exceeding it throws <see cref="RunawayRulesException"/>.
    /// Returns the number of rules fired.
    /// </summary>
    int Fire(int? maxFirings = null, CancellationToken cancellationToken = default);

    /// <summary>Every fact of type <typeparamref name="T"/> in working memory (inserted or derived), in insertion order.</summary>
    IEnumerable<T> Query<T>();

    /// <summary>How a fact was derived: the rule and the matched facts; null for facts inserted from outside the rules.</summary>
    Derivation? Explain(object fact);

    /// <summary>The rules that failed in this session, first failure first; at most one record per rule.</summary>
    IReadOnlyList<RuleFailure> RuleFailures { get; }

    /// <summary>Firings per rule id since the session was created (for profiling).</summary>
    IReadOnlyDictionary<string, int> FiringCounts { get; }
}
