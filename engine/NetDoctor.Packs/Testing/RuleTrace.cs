using System.Collections;
using System.Linq.Expressions;
using NetDoctor.Packs.Model;
using NRules.RuleModel;

namespace NetDoctor.Packs.Testing;

/// <summary>
/// Why a rule did (not) fire on a test, for `vet --run NAME --trace`: the rule's `when:` elements replayed one by one
/// over the facts the test's session ended with, printing how many facts of the element's type there were, how many
/// matches survive each condition, and the first element after which nothing was left. It evaluates the rule's model
/// (the same conditions either runtime runs) naively, element after element, so it explains rather than reproduces:
/// it stops at <see cref="MaxCombinations"/> partial matches.
/// </summary>
public static class RuleTrace
{
    public const int MaxCombinations = 200_000;

    /// <param name="labels">How the author wrote each element ("fact Route as cover (rules/x.yaml:12)"), when known.</param>
    /// <param name="conditionText">The author's text of a condition, when known.</param>
    public static IReadOnlyList<string> Of(IRuleDefinition rule, IReadOnlyList<object> facts, IReadOnlyList<string>? labels = null, Func<LambdaExpression, string?>? conditionText = null)
    {
        var lines = new List<string> { $"trace of {rule.Name} over {facts.Count} fact(s) in working memory:" };
        var tracer = new Tracer(facts, lines, conditionText ?? (_ => null));
        var tokens = new List<Dictionary<string, object?>> { new() };
        var elements = Flatten(rule.LeftHandSide).ToList();
        for (int i = 0; i < elements.Count; i++)
        {
            string label = labels is not null && i < labels.Count ? labels[i] : Label(elements[i]);
            tokens = tracer.Step(i + 1, label, elements[i], tokens);
            if (tokens.Count == 0)
            {
                lines.Add($"  nothing matched after element #{i + 1} ({label}): the rule cannot fire");
                return lines;
            }
            if (tracer.Stopped) return lines;
        }
        lines.Add($"  {Counted(tokens.Count, "complete match", "complete matches")}: the rule fires {(tokens.Count == 1 ? "once" : $"{tokens.Count} times")}");
        return lines;
    }

    /// <summary>The labels of a YAML rule's elements, as written ("not Route as cover (file:line)").</summary>
    public static IReadOnlyList<string> Labels(RuleDocument doc) => doc.When.Select(e => e switch
    {
        PatternDocument p => $"fact {p.Fact} as {p.As} ({p.Mark})",
        NotDocument n => $"not {n.Pattern.Fact} as {n.Pattern.As} ({n.Mark})",
        ExistsDocument x => $"exists {x.Pattern.Fact} as {x.Pattern.As} ({x.Mark})",
        ForAllDocument f => $"forall {f.Pattern.Fact} as {f.Pattern.As} ({f.Mark})",
        AggregateDocument a => $"{a.Form.ToString().ToLowerInvariant()} {a.Source.Fact} as {a.As} ({a.Mark})",
        _ => e.ToString(),
    }).ToList();

    private static IEnumerable<RuleElement> Flatten(GroupElement group) =>
        group.ChildElements.SelectMany(c => c is AndElement inner ? Flatten(inner) : [c]);

    private static string Label(RuleElement element) => element switch
    {
        PatternElement { Source: AggregateElement a } p => $"{a.Name} {((PatternElement)a.Source).ValueType.Name} as {p.Declaration.Name}",
        PatternElement p => $"fact {p.ValueType.Name} as {p.Declaration.Name}",
        NotElement { Source: PatternElement p } => $"not {p.ValueType.Name} as {p.Declaration.Name}",
        ExistsElement { Source: PatternElement p } => $"exists {p.ValueType.Name} as {p.Declaration.Name}",
        ForAllElement f => $"forall {f.BasePattern.ValueType.Name} as {f.BasePattern.Declaration.Name}",
        _ => element.ElementType.ToString(),
    };

    private static string Counted(int n, string one, string many) => $"{n} {(n == 1 ? one : many)}";

    private static IReadOnlyList<LambdaExpression> Conditions(PatternElement pattern) =>
        [.. pattern.Expressions.Find(PatternElement.ConditionName).Select(e => e.Expression)];

    private sealed class Tracer(IReadOnlyList<object> facts, List<string> lines, Func<LambdaExpression, string?> conditionText)
    {
        private readonly Dictionary<LambdaExpression, Delegate> _compiled = [];

        public bool Stopped { get; private set; }

        public List<Dictionary<string, object?>> Step(int number, string label, RuleElement element, List<Dictionary<string, object?>> tokens)
        {
            switch (element)
            {
                case PatternElement { Source: AggregateElement aggregate } result:
                    return Aggregate(number, label, aggregate, result, tokens);
                case PatternElement pattern:
                    var matches = Match(number, label, pattern, tokens, verbose: true);
                    return matches.Select(m => With(m.Token, pattern.Declaration.Name, m.Fact)).ToList();
                case NotElement { Source: PatternElement inner }:
                    var blocked = Match(number, label, inner, tokens, verbose: true).Select(m => m.Token).ToHashSet(ReferenceEqualityComparer.Instance);
                    var none = tokens.Where(t => !blocked.Contains(t)).ToList();
                    lines.Add($"     → {none.Count} of {Counted(tokens.Count, "match", "matches")} so far have no such fact");
                    return none;
                case ExistsElement { Source: PatternElement inner }:
                    var found = Match(number, label, inner, tokens, verbose: true).Select(m => m.Token).ToHashSet(ReferenceEqualityComparer.Instance);
                    var some = tokens.Where(t => found.Contains(t)).ToList();
                    lines.Add($"     → {some.Count} of {Counted(tokens.Count, "match", "matches")} so far have such a fact");
                    return some;
                case ForAllElement forAll:
                    var all = tokens.Where(t => Candidates(forAll.BasePattern).Where(f => Holds(forAll.BasePattern, t, f))
                        .All(f => forAll.Patterns.All(p => Holds(p, With(t, forAll.BasePattern.Declaration.Name, f), f)))).ToList();
                    lines.Add($"  #{number} {label}: holds for {all.Count} of {Counted(tokens.Count, "match", "matches")} so far");
                    return all;
                default:
                    lines.Add($"  #{number} {label}: not traced ({element.ElementType})");
                    Stopped = true;
                    return tokens;
            }
        }

        private List<(Dictionary<string, object?> Token, object Fact)> Match(int number, string label, PatternElement pattern, List<Dictionary<string, object?>> tokens, bool verbose)
        {
            var candidates = Candidates(pattern);
            if (verbose) lines.Add($"  #{number} {label}: {Counted(candidates.Count, "fact", "facts")} of type {pattern.ValueType.Name}");
            if ((long)candidates.Count * tokens.Count > MaxCombinations)
            {
                lines.Add($"     {tokens.Count} × {candidates.Count} combinations are too many to trace; stopping here");
                Stopped = true;
                return [];
            }
            var pairs = tokens.SelectMany(t => candidates.Select(f => (Token: t, Fact: f))).ToList();
            foreach (var condition in Conditions(pattern))
            {
                pairs = pairs.Where(p => Evaluate(condition, With(p.Token, pattern.Declaration.Name, p.Fact))).ToList();
                if (verbose) lines.Add($"     where {Text(condition)}: {pairs.Count} left");
            }
            return pairs;
        }

        private List<Dictionary<string, object?>> Aggregate(int number, string label, AggregateElement aggregate, PatternElement result, List<Dictionary<string, object?>> tokens)
        {
            var source = (PatternElement)aggregate.Source;
            var matches = Match(number, label, source, tokens, verbose: true);
            var next = new List<Dictionary<string, object?>>();
            foreach (var token in tokens)
            {
                var items = matches.Where(m => ReferenceEquals(m.Token, token)).Select(m => m.Fact).ToList();
                foreach (var value in Results(aggregate, result.ValueType, items))
                {
                    if (Conditions(result).All(c => Evaluate(c, With(token, result.Declaration.Name, value))))
                        next.Add(With(token, result.Declaration.Name, value));
                }
            }
            lines.Add($"     → {Counted(next.Count, "result", "results")} as {result.Declaration.Name}" + (Conditions(result).Count > 0 ? " after its own conditions" : ""));
            return next;
        }

        /// <summary>The aggregate's results for one partial match: a collect's list (possibly empty), a count, or one group per key.</summary>
        private IEnumerable<object?> Results(AggregateElement aggregate, Type resultType, List<object> items)
        {
            if (resultType == typeof(int)) return [items.Count];
            if (resultType.IsGenericType && resultType.GetGenericTypeDefinition() == typeof(IGrouping<,>))
            {
                var key = aggregate.Expressions.FindSingleOrDefault(AggregateElement.KeySelectorName)!.Expression;
                var element = aggregate.Expressions.FindSingleOrDefault(AggregateElement.ElementSelectorName)?.Expression;
                var args = resultType.GetGenericArguments();
                return items.GroupBy(f => Invoke(key, [f])).Select(g =>
                {
                    var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(args[1]))!;
                    foreach (var f in g) list.Add(element is null ? f : Invoke(element, [f]));
                    return Activator.CreateInstance(typeof(Grouping<,>).MakeGenericType(args), g.Key, list);
                }).ToList();
            }
            var typed = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(resultType.GetGenericArguments()[0]))!;
            foreach (var f in items) typed.Add(f);
            return [typed];
        }

        private List<object> Candidates(PatternElement pattern) => facts.Where(pattern.ValueType.IsInstanceOfType).ToList();

        private bool Holds(PatternElement pattern, Dictionary<string, object?> token, object fact) =>
            Conditions(pattern).All(c => Evaluate(c, With(token, pattern.Declaration.Name, fact)));

        private bool Evaluate(LambdaExpression condition, Dictionary<string, object?> bindings)
        {
            var args = new object?[condition.Parameters.Count];
            for (int i = 0; i < args.Length; i++)
                if (!bindings.TryGetValue(condition.Parameters[i].Name!, out args[i])) return false;
            return Invoke(condition, args) is true;
        }

        private object? Invoke(LambdaExpression lambda, object?[] args)
        {
            if (!_compiled.TryGetValue(lambda, out var compiled)) _compiled[lambda] = compiled = lambda.Compile();
            try
            {
                return compiled.DynamicInvoke(args);
            }
            catch (System.Reflection.TargetInvocationException)
            {
                // A condition that throws on this fact does not match it (the engines report the error when they run).
                return null;
            }
        }

        private string Text(LambdaExpression condition) => conditionText(condition) ?? condition.Body.ToString();

        private static Dictionary<string, object?> With(Dictionary<string, object?> token, string name, object? value) => new(token) { [name] = value };
    }

    private sealed class Grouping<TKey, TElement>(TKey key, List<TElement> elements) : IGrouping<TKey, TElement>
    {
        public TKey Key => key;

        public IEnumerator<TElement> GetEnumerator() => elements.GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
