using NetDoctor.Collectors.Sniffing;

namespace NetDoctor.Collectors;

/// <summary>
/// The one table of every format parser. Order matters: when two parsers give a file the same sniff score,
/// the one listed first wins, so more specific formats come before more general ones.
/// A test fails when an <see cref="Parsing.IFormatParser"/> in this assembly is missing here.
/// </summary>
public static class ParserCatalog
{
    public static IReadOnlyList<ParserEntry> All { get; } =
    [
    ];

    public static ParserEntry? ByKind(string kind) => All.FirstOrDefault(e => e.Kind == kind);
}
