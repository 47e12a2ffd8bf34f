using NetDoctor.Collectors.Parsers.Bird;
using NetDoctor.Collectors.Parsing;
using NetDoctor.Collectors.Tests.Robustness;

namespace NetDoctor.Collectors.Tests.Parsers.Bird;

public sealed class BirdProtocolsParserRobustness : ParserRobustnessSuite
{
    protected override IFormatParser Parser => new BirdProtocolsParser();
    protected override string Sample => FixtureFiles.Parser("Bird", "bird-protocols-10.2.7.200.txt");
}

public sealed class BirdProtocolsAllParserRobustness : ParserRobustnessSuite
{
    protected override IFormatParser Parser => new BirdProtocolsParser();
    protected override string Sample => FixtureFiles.Parser("Bird", "bird-protocols-all-10.2.7.201.txt");
}
