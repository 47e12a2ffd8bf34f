namespace NetDoctor.Packs;

/// <summary>One `requires:` entry: a pack this pack builds on (its derived facts), by name, with the versions accepted.</summary>
public sealed record PackRequirement(string Name, VersionRange Versions)
{
    public override string ToString() => Versions == VersionRange.Any ? Name : $"{Name} {Versions}";
}
