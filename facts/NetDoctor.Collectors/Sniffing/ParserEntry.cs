using NetDoctor.Collectors.Parsing;

namespace NetDoctor.Collectors.Sniffing;

/// <summary>One row of <see cref="ParserCatalog"/>: a parser and the scope of the facts it reads.</summary>
/// <param name="Shareable">
/// The parser's facts depend only on the text, the file's name and the node (which it copies onto each fact's
/// <see cref="NetDoctor.Facts.Fact.Node"/>), so an identical copy of the file on another node can take a copy of the
/// first copy's facts with its own node and path instead of being parsed again (content-addressed reading). False for
/// parsers that read more of the node or path than that (logs name their pod from the path, component settings carry
/// sources of their own).
/// </param>
public sealed record ParserEntry(IFormatParser Parser, FactScope Scope, bool Shareable = false)
{
    public string Kind => Parser.Kind;
}
