using NRules.RuleModel;

namespace NetDoctor.Engine.Aggregators;

/// <summary>
/// The aggregate element names both runtimes understand. Collect and GroupBy are NRules' own
/// (<see cref="AggregateElement.CollectName"/>, <see cref="AggregateElement.GroupByName"/>); Count is ours: its factory,
/// <see cref="CountAggregatorFactory"/>, is named on the element (YAML packs, <see cref="CountQueryExtensions.Count"/>) and
/// also registered under this name when the NRules runtime compiles.
/// </summary>
public static class AggregateNames
{
    public const string Collect = AggregateElement.CollectName;

    public const string GroupBy = AggregateElement.GroupByName;

    public const string Count = "Count";
}
