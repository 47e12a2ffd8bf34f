using NetDoctor.Engine.Aggregators;
using NRules.RuleModel;

namespace NetDoctor.Engine.Rete;

/// <summary>Chooses and type-checks the result shape of an aggregate against the declaration that receives it.</summary>
internal static class AggregateShapes
{
    public static (AggregateShape Shape, bool GroupBy, Func<object, object?>? Key, Func<object, object?>? Element) For(
        ConditionCompiler compiler, Declaration result, AggregateElement aggregate)
    {
        var source = aggregate.Source.Declaration;
        switch (aggregate.Name)
        {
            case AggregateNames.Collect:
                if (aggregate.Expressions.Count > 0)
                {
                    throw compiler.Error($"collect with {string.Join(", ", aggregate.Expressions.Select(e => e.Name))} (OrderBy/ToLookup) is not supported by the indexed runtime.");
                }
                if (result.Type.IsAssignableFrom(source.Type.MakeArrayType()))
                {
                    return (Create(typeof(CollectArrayShape<>), source.Type), false, null, null);
                }
                if (result.Type.IsAssignableFrom(typeof(List<>).MakeGenericType(source.Type)))
                {
                    return (Create(typeof(CollectListShape<>), source.Type), false, null, null);
                }
                throw compiler.Error($"collect of {source.Type.Name} cannot be bound to '{result.Name}' of type {result.Type.Name}; use IReadOnlyList<{source.Type.Name}>.");
            case AggregateNames.Count:
                if (!result.Type.IsAssignableFrom(typeof(int)))
                {
                    throw compiler.Error($"count cannot be bound to '{result.Name}' of type {result.Type.Name}; use int.");
                }
                return (new CountShape(), false, null, null);
            case AggregateNames.GroupBy:
                var keySelector = aggregate.Expression(AggregateElement.KeySelectorName)
                    ?? throw compiler.Error("group-by needs a key selector.");
                var elementSelector = aggregate.Expression(AggregateElement.ElementSelectorName);
                var keyType = keySelector.ReturnType;
                var elementType = elementSelector?.ReturnType ?? source.Type;
                var groupType = typeof(Grouping<,>).MakeGenericType(keyType, elementType);
                if (!result.Type.IsAssignableFrom(groupType))
                {
                    throw compiler.Error($"group-by result cannot be bound to '{result.Name}' of type {result.Type.Name}; use IGrouping<{keyType.Name}, {elementType.Name}>.");
                }
                var shape = (AggregateShape)Activator.CreateInstance(typeof(GroupShape<,>).MakeGenericType(keyType, elementType))!;
                var key = compiler.CompileSelector(keySelector, source);
                var element = elementSelector is null || IsIdentity(elementSelector) ? null : compiler.CompileSelector(elementSelector, source);
                return (shape, true, key, element);
            default:
                throw compiler.Error($"aggregate '{aggregate.Name}' is not supported by the indexed runtime (supported: {AggregateNames.Collect}, {AggregateNames.GroupBy}, {AggregateNames.Count}).");
        }
    }

    /// <summary>NRules.Fluent's GroupBy(key) passes <c>x => x</c> as the element selector; skip calling it per fact.</summary>
    private static bool IsIdentity(System.Linq.Expressions.LambdaExpression selector) =>
        selector.Parameters.Count == 1 && selector.Body == selector.Parameters[0];

    private static AggregateShape Create(Type generic, Type element) =>
        (AggregateShape)Activator.CreateInstance(generic.MakeGenericType(element))!;
}
