namespace NetDoctor.Collectors.Parsing;

/// <summary>
/// One parser per input format. A parser is a pure function: text in, facts + problems out.
/// It never runs a process, never reads a second file and never throws on bad input
/// (the <see cref="ParserRunner"/> turns an escaped exception into a problem anyway, as a last line of defence).
/// </summary>
public interface IFormatParser
{
    /// <summary>Stable kind name, e.g. "iptables-save", "ipset-list", "ip-route", "kubectl-yaml".</summary>
    string Kind { get; }

    /// <summary>
    /// How sure this parser is that a file with this name and these first lines is its format:
    /// 0 = not mine, 1..99 = plausible from content, 100 = certain (file name of the documented bundle layout).
    /// </summary>
    int Sniff(string fileName, string head);

    ParseResult Parse(ParseInput input);
}
