using NetDoctor.Collectors.Parsing;

namespace NetDoctor.Collectors.Tests.Parsers;

/// <summary>Reads a parser fixture copied next to the test assembly (Parsers/&lt;format&gt;/Fixtures/&lt;file&gt;).</summary>
public static class ParserFixture
{
    public static string Text(string format, string file) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Parsers", format, "Fixtures", file));

    /// <summary>The fixture as a parser input, under the bundle path the collector would give it.</summary>
    public static ParseInput Input(string format, string file, string bundlePath, string? node = null) =>
        new(bundlePath, node, Text(format, file));
}
