using NetDoctor.Collectors.Parsers.CalicoctlStatus;
using NetDoctor.Collectors.Parsing;
using NetDoctor.Collectors.Tests.Robustness;

namespace NetDoctor.Collectors.Tests.Parsers.CalicoctlStatus;

/// <summary>The sample with wrapped INFO cells, so a stray line between a row and its continuation is exercised.</summary>
public sealed class CalicoctlNodeStatusParserRobustness : ParserRobustnessSuite
{
    protected override IFormatParser Parser => new CalicoctlNodeStatusParser();
    protected override string Sample => FixtureFiles.Parser("CalicoctlStatus", "k8s02-before.txt");
}
