using NRules.RuleModel;

namespace NetDoctor.Engine.Aggregators;

/// <summary>
/// The aggregate element names both runtimes understand. Collect and GroupBy are NRules' own
/// (<see cref="AggregateElement.CollectName"/>, <see cref="AggregateElement.GroupByName"/>); Count is ours, registered
/// with NRules through <see cref="CountAggregatorFactory"/> as the element's custom factory.
/// </summary>
public static class AggregateNames
{
    public const string Collect = AggregateElement.CollectName;

    public const string GroupBy = AggregateElement.GroupByName;

    public const string Count = "Count";
}
