using NetDoctor.Collectors.Parsers.Ifconfig;
using NetDoctor.Collectors.Parsing;
using NetDoctor.Collectors.Tests.Robustness;

namespace NetDoctor.Collectors.Tests.Parsers.Ifconfig;

/// <summary>The lab capture: several blocks, an alias block and both address families.</summary>
public sealed class IfconfigParserRobustness : ParserRobustnessSuite
{
    protected override IFormatParser Parser => new IfconfigParser();
    protected override string Sample => FixtureFiles.Parser("Ifconfig", "lab-ifconfig-a.txt");
}

/// <summary>The old "Link encap" layout, with its command line.</summary>
public sealed class IfconfigLegacyParserRobustness : ParserRobustnessSuite
{
    protected override IFormatParser Parser => new IfconfigParser();
    protected override string Sample => FixtureFiles.Parser("Ifconfig", "pod-busybox-ifconfig-a.txt");
}
