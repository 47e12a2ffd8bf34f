namespace NetDoctor.Collectors.Tests.Robustness;

/// <summary>Reads fixture files copied next to the test assembly ("Parsers/Iptables/Fixtures/lab-legacy-save.txt").</summary>
public static class FixtureFiles
{
    public static string Read(params string[] relative) =>
        File.ReadAllText(Path.Combine([AppContext.BaseDirectory, .. relative]));

    /// <summary>The fixture of a parser test: Parsers/&lt;format&gt;/Fixtures/&lt;name&gt;.</summary>
    public static string Parser(string format, string name) => Read("Parsers", format, "Fixtures", name);
}
