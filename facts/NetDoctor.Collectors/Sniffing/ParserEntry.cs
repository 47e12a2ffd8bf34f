using NetDoctor.Collectors.Parsing;

namespace NetDoctor.Collectors.Sniffing;

/// <summary>One row of <see cref="ParserCatalog"/>: a parser and the scope of the facts it reads.</summary>
public sealed record ParserEntry(IFormatParser Parser, FactScope Scope)
{
    public string Kind => Parser.Kind;
}
