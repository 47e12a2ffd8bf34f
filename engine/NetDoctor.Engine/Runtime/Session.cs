using NetDoctor.Engine.Rete;

namespace NetDoctor.Engine.Runtime;

/// <summary>
/// One working memory over a compiled network. Every public operation is one propagation batch: changes flow
/// through the network immediately, and at the end of the batch aggregates are rebuilt and activations whose
/// match vanished are deleted (retracting their linked facts, cascading). Single-threaded by design.
/// </summary>
internal sealed partial class Session : ISession
{
    private readonly ReteNetwork network;
    private readonly WorkingMemory memory = new();
    private readonly BatchUpdates updates = new();
    private readonly RightMemorySweeps sweeper = new();
    private readonly object?[] nodeMemories;
    private readonly Token?[] roots;
    private readonly EngineEvents events = new();
    private readonly Agenda agenda = new();
    private readonly ActionContext context;
    private readonly int[] firings;
    private readonly IServiceProvider? services;
    private long batch;

    public Session(ReteNetwork network, IServiceProvider? services)
    {
        this.network = network;
        this.services = services;
        nodeMemories = new object?[network.NodeCount];
        roots = new Token?[network.NodeCount];
        firings = new int[network.Terminals.Count];
        context = new ActionContext(this);
        batch++;
        foreach (var node in network.FirstNodes)
        {
            var root = new Token(null, null, null, -1);
            roots[node.Id] = root;
            node.LeftAssert(this, root);
        }
        Flush();
    }

    public IEngineEvents Events => events;

    /// <summary>Number of the current propagation batch (each public call outside Fire, each firing inside it).</summary>
    public long Batch => batch;

    public IReadOnlyDictionary<string, int> FiringCounts =>
        network.Terminals.Where(t => firings[t.RuleIndex] > 0).ToDictionary(t => t.RuleId, t => firings[t.RuleIndex]);

    public void Insert(object fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        BeginBatch();
        try
        {
            InsertHandle(fact, null, linked: false);
        }
        finally
        {
            EndBatch();
        }
    }

    public void InsertAll(IEnumerable<object> facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        BeginBatch();
        try
        {
            if (facts.TryGetNonEnumeratedCount(out var count))
            {
                memory.EnsureCapacity(count);
            }
            foreach (var fact in facts)
            {
                ArgumentNullException.ThrowIfNull(fact, nameof(facts));
                InsertHandle(fact, null, linked: false);
            }
        }
        finally
        {
            // A duplicate in the middle leaves the earlier facts inserted; finish their batch so the session stays consistent.
            EndBatch();
        }
    }

    public void Update(object fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        var handle = memory.Find(fact) ?? throw Unknown(fact, "update");
        BeginBatch();
        UpdateHandle(handle);
        EndBatch();
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
        var handle = memory.Find(fact);
        if (handle is null)
        {
            return false;
        }
        BeginBatch();
        RetractHandle(handle);
        EndBatch();
        return true;
    }

    public IEnumerable<T> Query<T>() => memory.OfType<T>();

    public bool Contains(object fact) => memory.Contains(fact);

    /// <summary>A rule dependency (<c>IContext.Resolve</c>) from the services the session was created with.</summary>
    public object Resolve(Type serviceType) =>
        services?.GetService(serviceType)
        ?? throw new InvalidOperationException($"Rule '{context.Current?.Terminal.RuleId}' depends on {serviceType.Name}, which no service provider of this session supplies.");

    public Derivation? Explain(object fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        return memory.Stored(fact)?.Derivation;
    }

    private FactHandle InsertHandle(object fact, Activation? producer, bool linked)
    {
        // A derived fact's derivation is built only once the fact is known to be new.
        var handle = producer is null || memory.Contains(fact) ? new FactHandle(fact) : new DerivedFactHandle(fact, producer.Derivation(), linked ? producer : null);
        if (!memory.TryAdd(handle))
        {
            throw new InvalidOperationException($"The fact is already in working memory: {FactText.Describe(fact)}");
        }
        events.Inserted(this, fact, handle.Derivation);
        memory.Settle(handle, AssertToNetwork(handle));
        return handle;
    }

    private void UpdateHandle(FactHandle handle)
    {
        updates.Add(handle, batch);
        events.Updated(this, handle.Value, handle.Derivation);
        RetractFromNetwork(handle);
        memory.Settle(handle, AssertToNetwork(handle));
    }

    /// <summary>Whether the fact (or aggregate result) was updated in the current batch: a re-found match holding it has changed.</summary>
    public bool UpdatedInBatch(FactHandle handle) => updates.Contains(handle, batch);

    /// <summary>An aggregate result rebuilt because one of its elements was updated counts as updated.</summary>
    public void MarkUpdated(FactHandle handle) => updates.Add(handle, batch);

    private void RetractHandle(FactHandle handle)
    {
        memory.Remove(handle);
        events.Retracted(this, handle.Value, handle.Derivation);
        RetractFromNetwork(handle);
    }

    private static InvalidOperationException Unknown(object fact, string operation) =>
        new($"Cannot {operation} a fact that is not in working memory: {FactText.Describe(fact)}");

    /// <summary>Outside Fire every public call is its own batch; inside Fire the firing action is the batch.</summary>
    private void BeginBatch()
    {
        if (!firing)
        {
            batch++;
        }
    }

    private void EndBatch()
    {
        if (!firing)
        {
            Flush();
        }
    }
}
