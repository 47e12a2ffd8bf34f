namespace NetDoctor.Collectors.Tests.Bundles;

/// <summary>Paths of fixtures copied beside the test assembly.</summary>
public static class FixturePath
{
    public static string Path(params string[] parts) =>
        System.IO.Path.Combine([AppContext.BaseDirectory, .. parts]);
}
