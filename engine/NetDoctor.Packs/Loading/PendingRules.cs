using System.Runtime.ExceptionServices;
using NetDoctor.Packs.Compilation;
using NetDoctor.Packs.Expressions;
using NetDoctor.Packs.Model;

namespace NetDoctor.Packs.Loading;

/// <summary>
/// One pack's rule documents, read but not yet compiled, with the problems found while reading them. Reading stays
/// sequential and cheap; compiling (Dynamic LINQ parsing and type-checking every expression, most of pack loading) runs
/// for the rules of every pack at once on several threads (<see cref="CompileAll"/>), each rule with a compiler and a
/// problem list of its own. <see cref="Drain"/> then gives the rules and problems back in exactly the order a
/// one-rule-after-another load produces them, so results never depend on which thread finished first.
/// </summary>
internal sealed class PendingRules(string packName)
{
    private readonly List<Entry> _entries = [];
    private List<PackDiagnostic> _reading = [];

    public string PackName => packName;

    /// <summary>Where reading reports its problems: they come before the next rule queued (or after the last).</summary>
    public List<PackDiagnostic> Diagnostics => _reading;

    /// <summary>Queues <paramref name="rule"/> for compilation after the problems reported so far.</summary>
    public void Queue(RuleDocument rule)
    {
        _entries.Add(new Entry(_reading, rule));
        _reading = [];
    }

    /// <summary>
    /// Lints and compiles every queued rule of <paramref name="packs"/> on this thread and up to
    /// <paramref name="maxParallelism"/> - 1 threads of its own (1: on this thread alone, in order). The sandbox,
    /// catalog and derived types are read-only by then, and Dynamic LINQ keeps no per-call state in its shared
    /// <see cref="System.Linq.Dynamic.Core.ParsingConfig"/> beyond thread-safe caches (see <see cref="ExpressionSandbox"/>).
    /// </summary>
    /// <remarks>
    /// Not the thread pool: `run` reads its bundles on pool threads that block until the packs' demand is known, so a
    /// pool-based loop could wait for a worker that only thread injection (about one a second) would ever start.
    /// </remarks>
    public static void CompileAll(IReadOnlyList<PendingRules> packs, ExpressionSandbox sandbox,
        IReadOnlyDictionary<string, DerivedTypeInfo> derived, int maxParallelism)
    {
        var entries = packs.SelectMany(p => p._entries.Select(e => (Pack: p.PackName, Entry: e))).ToArray();
        int next = -1;
        void Work()
        {
            for (int i = Interlocked.Increment(ref next); i < entries.Length; i = Interlocked.Increment(ref next))
                entries[i].Entry.Compile(entries[i].Pack, sandbox, derived);
        }

        var helpers = Enumerable.Range(0, Math.Clamp(Math.Min(maxParallelism, entries.Length) - 1, 0, 63))
            .Select(_ => new Thread(Work) { IsBackground = true, Name = "netdoctor rule compiler" })
            .ToList();
        helpers.ForEach(t => t.Start());
        Work();
        helpers.ForEach(t => t.Join());
        // A bug, not a pack problem: rethrow the failure of the earliest rule, as a sequential load would have.
        if (entries.Select(e => e.Entry.Failure).FirstOrDefault(f => f is not null) is { } failure) failure.Throw();
    }

    /// <summary>Adds every problem to <paramref name="diagnostics"/> in load order and returns the rules that compiled, in file order.</summary>
    public List<CompiledRule> Drain(List<PackDiagnostic> diagnostics)
    {
        var rules = new List<CompiledRule>();
        foreach (var entry in _entries)
        {
            diagnostics.AddRange(entry.ReadProblems);
            diagnostics.AddRange(entry.CompileProblems);
            if (entry.Result is { } compiled) rules.Add(compiled);
        }
        diagnostics.AddRange(_reading);
        return rules;
    }

    private sealed class Entry(List<PackDiagnostic> readProblems, RuleDocument rule)
    {
        public List<PackDiagnostic> ReadProblems { get; } = readProblems;

        public List<PackDiagnostic> CompileProblems { get; } = [];

        public CompiledRule? Result { get; private set; }

        public ExceptionDispatchInfo? Failure { get; private set; }

        public void Compile(string pack, ExpressionSandbox sandbox, IReadOnlyDictionary<string, DerivedTypeInfo> derived)
        {
            try
            {
                Lint.CheckRule(pack, rule, CompileProblems);
                Result = new YamlRuleCompiler(sandbox, derived, CompileProblems).Compile(pack, rule);
            }
            catch (Exception ex)
            {
                Failure = ExceptionDispatchInfo.Capture(ex);
            }
        }
    }
}
