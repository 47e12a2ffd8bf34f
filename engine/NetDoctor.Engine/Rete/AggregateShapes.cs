using NetDoctor.Engine.RuleModel;

namespace NetDoctor.Engine.Rete;

/// <summary>Chooses and type-checks the result shape of an aggregate against the declaration that receives it.</summary>
internal static class AggregateShapes
{
    public static (AggregateShape Shape, Func<object, object?>? Key, Func<object, object?>? Element) For(
        ConditionCompiler compiler, Declaration result, AggregateElement aggregate)
    {
        var source = aggregate.Source.Declaration;
        switch (aggregate.Kind)
        {
            case AggregateKind.Collect:
                if (result.Type.IsAssignableFrom(source.Type.MakeArrayType()))
                {
                    return (Create(typeof(CollectArrayShape<>), source.Type), null, null);
                }
                if (result.Type.IsAssignableFrom(typeof(List<>).MakeGenericType(source.Type)))
                {
                    return (Create(typeof(CollectListShape<>), source.Type), null, null);
                }
                throw compiler.Error($"collect of {source.Type.Name} cannot be bound to '{result.Name}' of type {result.Type.Name}; use IReadOnlyList<{source.Type.Name}>.");
            case AggregateKind.Count:
                if (!result.Type.IsAssignableFrom(typeof(int)))
                {
                    throw compiler.Error($"count cannot be bound to '{result.Name}' of type {result.Type.Name}; use int.");
                }
                return (new CountShape(), null, null);
            case AggregateKind.GroupBy:
                if (aggregate.KeySelector is null)
                {
                    throw compiler.Error("group-by needs a key selector.");
                }
                var keyType = aggregate.KeySelector.ReturnType;
                var elementType = aggregate.ElementSelector?.ReturnType ?? source.Type;
                var groupType = typeof(Grouping<,>).MakeGenericType(keyType, elementType);
                if (!result.Type.IsAssignableFrom(groupType))
                {
                    throw compiler.Error($"group-by result cannot be bound to '{result.Name}' of type {result.Type.Name}; use IGrouping<{keyType.Name}, {elementType.Name}>.");
                }
                var shape = (AggregateShape)Activator.CreateInstance(typeof(GroupShape<,>).MakeGenericType(keyType, elementType))!;
                var key = compiler.CompileSelector(aggregate.KeySelector, source);
                var element = aggregate.ElementSelector is null ? null : compiler.CompileSelector(aggregate.ElementSelector, source);
                return (shape, key, element);
            default:
                throw compiler.Error($"unknown aggregate kind {aggregate.Kind}.");
        }
    }

    private static AggregateShape Create(Type generic, Type element) =>
        (AggregateShape)Activator.CreateInstance(generic.MakeGenericType(element))!;
}
