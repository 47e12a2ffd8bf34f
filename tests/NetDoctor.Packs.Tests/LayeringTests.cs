using NetDoctor.Packs.Loading;

namespace NetDoctor.Packs.Tests;

/// <summary>
/// The pack library stays independent of how inputs are read: it knows IFactSource and IFactDemand, and the composition
/// (NetDoctor.Hosting) supplies the Collectors' bundle reader.
/// </summary>
public class LayeringTests
{
    [Fact]
    public void Packs_does_not_reference_the_collectors()
    {
        var references = typeof(PackLoader).Assembly.GetReferencedAssemblies().Select(a => a.Name).ToList();

        references.ShouldContain("NetDoctor.Facts");
        references.ShouldNotContain("NetDoctor.Collectors");
        references.ShouldNotContain("NetDoctor.Hosting");
    }

    [Fact]
    public void Packs_project_has_no_project_reference_to_the_collectors()
    {
        // The compiled assembly drops unused references; the project file is what would let a use creep back in.
        string project = File.ReadAllText(Path.Combine(Fixtures.RepoRoot, "engine", "NetDoctor.Packs", "NetDoctor.Packs.csproj"));

        project.ShouldNotContain("NetDoctor.Collectors");
    }
}
