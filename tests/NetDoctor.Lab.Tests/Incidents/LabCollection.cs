namespace NetDoctor.Lab.Tests.Incidents;

/// <summary>Lab tests run one after another: they share the machine's two cores with BIRD daemons and the netdoctor build.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LabCollection
{
    public const string Name = "network lab";
}
