namespace NetDoctor.Lab.Tests.Scenarios;

/// <summary>Every scenario by sample name.</summary>
public static class ScenarioCatalog
{
    public static IReadOnlyDictionary<string, Func<Scenario>> All { get; } = new Dictionary<string, Func<Scenario>>
    {
        ["incident-000-ippool-overlap"] = () => new Incident000IpPoolOverlap(),
    };
}
