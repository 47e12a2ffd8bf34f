using System.Collections;

namespace NetDoctor.Engine.Rete;

/// <summary>
/// Builds the typed result object of an aggregate from a group's elements and tells whether two results are the
/// same (so an unchanged aggregate neither re-propagates nor re-fires). Closed generic subclasses are created
/// once at compile time; nothing here uses reflection per fact.
/// </summary>
internal abstract class AggregateShape
{
    public abstract object Build(AggregateGroup group);

    public abstract bool ContentEquals(object previous, object next);

    protected static bool SameElements<T>(IReadOnlyList<T> a, IReadOnlyList<T> b)
    {
        if (a.Count != b.Count)
        {
            return false;
        }
        var comparer = EqualityComparer<T>.Default;
        for (var i = 0; i < a.Count; i++)
        {
            if (typeof(T).IsValueType ? !comparer.Equals(a[i], b[i]) : !ReferenceEquals(a[i], b[i]))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// The group's elements in the order their facts entered working memory. The group's list is kept in that order
    /// except after an update, which re-adds the updated element at the end; only then is a sort needed.
    /// </summary>
    protected static T[] Elements<T>(AggregateGroup group)
    {
        var items = new T[group.Elements.Count];
        var i = 0;
        var sorted = true;
        var previous = int.MinValue;
        for (var t = group.Elements.First; t is not null; t = t.NextInList)
        {
            var sequence = t.Fact!.Slot;
            sorted &= sequence > previous;
            previous = sequence;
            items[i++] = (T)t.State!;
        }
        if (!sorted)
        {
            var keys = new int[items.Length];
            i = 0;
            for (var t = group.Elements.First; t is not null; t = t.NextInList)
            {
                keys[i++] = t.Fact!.Slot;
            }
            Array.Sort(keys, items);
        }
        return items;
    }
}

/// <summary>Collect into an array (which is an IReadOnlyList/IEnumerable/IList of T).</summary>
internal sealed class CollectArrayShape<T> : AggregateShape
{
    public override object Build(AggregateGroup group) => Elements<T>(group);

    public override bool ContentEquals(object previous, object next) => SameElements((T[])previous, (T[])next);
}

/// <summary>Collect into a List (for declarations typed List&lt;T&gt;).</summary>
internal sealed class CollectListShape<T> : AggregateShape
{
    public override object Build(AggregateGroup group) => new List<T>(Elements<T>(group));

    public override bool ContentEquals(object previous, object next) => SameElements((List<T>)previous, (List<T>)next);
}

internal sealed class CountShape : AggregateShape
{
    public override object Build(AggregateGroup group) => group.Elements.Count;

    public override bool ContentEquals(object previous, object next) => (int)previous == (int)next;
}

internal sealed class GroupShape<TKey, TElement> : AggregateShape
{
    public override object Build(AggregateGroup group) => new Grouping<TKey, TElement>((TKey)group.Key!, Elements<TElement>(group));

    public override bool ContentEquals(object previous, object next)
    {
        var (a, b) = ((Grouping<TKey, TElement>)previous, (Grouping<TKey, TElement>)next);
        return EqualityComparer<TKey>.Default.Equals(a.Key, b.Key) && SameElements(a, b);
    }
}

/// <summary>One group-by result: a key and its elements in arrival order.</summary>
public sealed class Grouping<TKey, TElement>(TKey key, TElement[] elements) : IGrouping<TKey, TElement>, IReadOnlyList<TElement>
{
    public TKey Key { get; } = key;

    public int Count => elements.Length;

    public TElement this[int index] => elements[index];

    public IEnumerator<TElement> GetEnumerator() => ((IEnumerable<TElement>)elements).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => elements.GetEnumerator();

    public override string ToString() => $"{Key} ({elements.Length})";
}
