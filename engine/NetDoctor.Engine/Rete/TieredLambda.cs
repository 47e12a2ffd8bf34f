using System.Linq.Expressions;

namespace NetDoctor.Engine.Rete;

/// <summary>
/// Compiles a rule's lambdas the way the runtime tiers methods: each starts interpreted
/// (<c>Compile(preferInterpretation: true)</c>, cheap to build) and is compiled to IL only once it has been called
/// <see cref="CallsBeforeCompile"/> times. Even the interpreted form is built on the first call, not with the network:
/// building it (the interpreter's instructions, a reflection lookup per method call) was most of compiling the
/// built-in packs, and a small run never calls many of their ~500 lambdas (no fact of the type, no partial match).
/// That first build is done by one thread while others calling at the same moment wait for it: the demand's alpha
/// tests are first called by every parse task at once, when the packs' demand becomes known. A small run evaluates most conditions a few dozen times, and compiling
/// every one of its ~500 lambdas (IL, then a fully optimised JIT each) was half of its engine time; a big run compiles
/// the hot ones after a few hundred calls and runs them at full speed from then on. Safe to call from several
/// threads (the demand filter runs in parse tasks): a race at worst compiles a lambda twice.
/// </summary>
public static class TieredLambda
{
    /// <summary>
    /// Calls of the interpreted form before the compiled one takes over. An interpreted call of a typical condition
    /// costs ~0.5–1 µs more than a compiled one and compiling costs ~0.2–0.5 ms, so a few hundred calls is where
    /// compiling starts to pay back.
    /// </summary>
    public const int CallsBeforeCompile = 256;

    public static Func<T, TResult> Compile<T, TResult>(Expression<Func<T, TResult>> lambda) => new Tiered1<T, TResult>(lambda).Invoke;

    public static Func<T1, T2, TResult> Compile<T1, T2, TResult>(Expression<Func<T1, T2, TResult>> lambda) => new Tiered2<T1, T2, TResult>(lambda).Invoke;

    public static Action<T1, T2> Compile<T1, T2>(Expression<Action<T1, T2>> lambda) => new TieredAction<T1, T2>(lambda).Invoke;

    /// <summary>Evaluates a lambda once, interpreted: a one-off value is not worth a JIT compilation.</summary>
    public static T EvaluateOnce<T>(Expression<Func<T>> lambda) => lambda.Compile(preferInterpretation: true)();

    private sealed class Tiered1<T, TResult>(Expression<Func<T, TResult>> lambda)
    {
        private readonly Expression<Func<T, TResult>> _lambda = lambda;
        private Func<T, TResult>? _current;
        private object? _building;
        private int _calls;

        public TResult Invoke(T arg)
        {
            if (_calls < CallsBeforeCompile && ++_calls == CallsBeforeCompile) _current = _lambda.Compile();
            return (_current ?? Interpreted())(arg);
        }

        private Func<T, TResult> Interpreted() =>
            LazyInitializer.EnsureInitialized(ref _current, ref _building, () => _lambda.Compile(preferInterpretation: true));
    }

    private sealed class Tiered2<T1, T2, TResult>(Expression<Func<T1, T2, TResult>> lambda)
    {
        private readonly Expression<Func<T1, T2, TResult>> _lambda = lambda;
        private Func<T1, T2, TResult>? _current;
        private object? _building;
        private int _calls;

        public TResult Invoke(T1 arg1, T2 arg2)
        {
            if (_calls < CallsBeforeCompile && ++_calls == CallsBeforeCompile) _current = _lambda.Compile();
            return (_current ?? Interpreted())(arg1, arg2);
        }

        private Func<T1, T2, TResult> Interpreted() =>
            LazyInitializer.EnsureInitialized(ref _current, ref _building, () => _lambda.Compile(preferInterpretation: true));
    }

    private sealed class TieredAction<T1, T2>(Expression<Action<T1, T2>> lambda)
    {
        private readonly Expression<Action<T1, T2>> _lambda = lambda;
        private Action<T1, T2>? _current;
        private object? _building;
        private int _calls;

        public void Invoke(T1 arg1, T2 arg2)
        {
            if (_calls < CallsBeforeCompile && ++_calls == CallsBeforeCompile) _current = _lambda.Compile();
            (_current ?? Interpreted())(arg1, arg2);
        }

        private Action<T1, T2> Interpreted() =>
            LazyInitializer.EnsureInitialized(ref _current, ref _building, () => _lambda.Compile(preferInterpretation: true));
    }
}
