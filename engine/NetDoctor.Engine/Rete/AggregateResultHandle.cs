namespace NetDoctor.Engine.Rete;

/// <summary>The handle of one aggregate result, which never enters working memory: the group it was built from.</summary>
internal sealed class AggregateResultHandle(object value, AggregateGroup group) : FactHandle(value)
{
    public readonly AggregateGroup Group = group;
}
