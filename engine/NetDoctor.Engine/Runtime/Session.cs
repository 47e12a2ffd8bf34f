using NetDoctor.Engine.Rete;

namespace NetDoctor.Engine.Runtime;

/// <summary>
/// One working memory over a compiled network. Every public operation is one propagation batch: changes flow
/// through the network immediately, and at the end of the batch aggregates are rebuilt and activations whose
/// match vanished are deleted (retracting their linked facts, cascading). Single-threaded by design.
/// </summary>
internal sealed partial class Session : ISession
{
    private readonly ReteNetwork _network;
    private readonly WorkingMemory _memory = new();
    private readonly BatchUpdates _updates = new();
    private readonly RightMemorySweeps _sweeper = new();
    private readonly object?[] _nodeMemories;
    private readonly Token?[] _roots;
    private readonly EngineEvents _events = new();
    private readonly Agenda _agenda = new();
    private readonly ActionContext _context;
    private readonly int[] _firings;
    private readonly IServiceProvider? _services;
    private long _batch;

    public Session(ReteNetwork network, IServiceProvider? services)
    {
        this._network = network;
        this._services = services;
        _nodeMemories = new object?[network.NodeCount];
        _roots = new Token?[network.NodeCount];
        _firings = new int[network.Terminals.Count];
        _context = new ActionContext(this);
        _batch++;
        foreach (var node in network.FirstNodes)
        {
            var root = new Token(null, null, null, -1);
            _roots[node.Id] = root;
            node.LeftAssert(this, root);
        }
        Flush();
    }

    public IEngineEvents Events => _events;

    /// <summary>Number of the current propagation batch (each public call outside Fire, each firing inside it).</summary>
    public long Batch => _batch;

    public IReadOnlyDictionary<string, int> FiringCounts =>
        _network.Terminals.Where(t => _firings[t.RuleIndex] > 0).ToDictionary(t => t.RuleId, t => _firings[t.RuleIndex]);

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
                _memory.EnsureCapacity(count);
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
        var handle = _memory.Find(fact) ?? throw Unknown(fact, "update");
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
        var handle = _memory.Find(fact);
        if (handle is null)
        {
            return false;
        }
        BeginBatch();
        RetractHandle(handle);
        EndBatch();
        return true;
    }

    public IEnumerable<T> Query<T>() => _memory.OfType<T>();

    public bool Contains(object fact) => _memory.Contains(fact);

    /// <summary>A rule dependency (<c>IContext.Resolve</c>) from the services the session was created with.</summary>
    public object Resolve(Type serviceType) =>
        _services?.GetService(serviceType)
        ?? throw new InvalidOperationException($"Rule '{_context.Current?.Terminal.RuleId}' depends on {serviceType.Name}, which no service provider of this session supplies.");

    public Derivation? Explain(object fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        return _memory.Stored(fact)?.Derivation;
    }

    private FactHandle InsertHandle(object fact, Activation? producer, bool linked)
    {
        // A derived fact's derivation is built only once the fact is known to be new.
        var handle = producer is null || _memory.Contains(fact) ? new FactHandle(fact) : new DerivedFactHandle(fact, producer.Derivation(), linked ? producer : null);
        if (!_memory.TryAdd(handle))
        {
            throw new InvalidOperationException($"The fact is already in working memory: {FactText.Describe(fact)}");
        }
        _events.Inserted(this, fact, handle.Derivation);
        _memory.Settle(handle, AssertToNetwork(handle));
        return handle;
    }

    private void UpdateHandle(FactHandle handle)
    {
        _updates.Add(handle, _batch);
        _events.Updated(this, handle.Value, handle.Derivation);
        RetractFromNetwork(handle);
        _memory.Settle(handle, AssertToNetwork(handle));
    }

    /// <summary>Whether the fact (or aggregate result) was updated in the current batch: a re-found match holding it has changed.</summary>
    public bool UpdatedInBatch(FactHandle handle) => _updates.Contains(handle, _batch);

    /// <summary>An aggregate result rebuilt because one of its elements was updated counts as updated.</summary>
    public void MarkUpdated(FactHandle handle) => _updates.Add(handle, _batch);

    private void RetractHandle(FactHandle handle)
    {
        _memory.Remove(handle);
        _events.Retracted(this, handle.Value, handle.Derivation);
        RetractFromNetwork(handle);
    }

    private static InvalidOperationException Unknown(object fact, string operation) =>
        new($"Cannot {operation} a fact that is not in working memory: {FactText.Describe(fact)}");

    /// <summary>Outside Fire every public call is its own batch; inside Fire the firing action is the batch.</summary>
    private void BeginBatch()
    {
        if (!_firing)
        {
            _batch++;
        }
    }

    private void EndBatch()
    {
        if (!_firing)
        {
            Flush();
        }
    }
}
