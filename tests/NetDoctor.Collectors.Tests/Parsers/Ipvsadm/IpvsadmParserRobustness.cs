using NetDoctor.Collectors.Parsers.Ipvsadm;
using NetDoctor.Collectors.Parsing;
using NetDoctor.Collectors.Tests.Robustness;

namespace NetDoctor.Collectors.Tests.Parsers.Ipvsadm;

public sealed class IpvsadmListParserRobustness : ParserRobustnessSuite
{
    protected override IFormatParser Parser => new IpvsadmParser();
    protected override string Sample => FixtureFiles.Parser("Ipvsadm", "ipvsadm-Ln-004.txt");
}

public sealed class IpvsadmSaveParserRobustness : ParserRobustnessSuite
{
    protected override IFormatParser Parser => new IpvsadmParser();
    protected override string Sample => FixtureFiles.Parser("Ipvsadm", "ipvsadm-Sn-004.txt");
}
