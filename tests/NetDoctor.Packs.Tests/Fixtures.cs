namespace NetDoctor.Packs.Tests;

internal static class Fixtures
{
    public static string Root => Path.Combine(AppContext.BaseDirectory, "Fixtures");

    public static string Pack(string name) => Path.Combine(Root, "packs", name);
}
