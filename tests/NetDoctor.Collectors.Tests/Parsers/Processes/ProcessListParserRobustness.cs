using NetDoctor.Collectors.Parsers.Processes;
using NetDoctor.Collectors.Parsing;
using NetDoctor.Collectors.Tests.Robustness;

namespace NetDoctor.Collectors.Tests.Parsers.Processes;

public sealed class ProcessListParserRobustness : ParserRobustnessSuite
{
    protected override IFormatParser Parser => new ProcessListParser();
    protected override string Sample => FixtureFiles.Parser("Processes", "ps-auxww-004.txt");
}
