using NetDoctor.Collectors.Parsers.BirdConfig;
using NetDoctor.Collectors.Parsing;
using NetDoctor.Collectors.Tests.Robustness;

namespace NetDoctor.Collectors.Tests.Parsers.BirdConfig;

// BIRD's language is not line-oriented (blocks, statements across lines), so a bad line is checked as a located problem.
public sealed class BirdConfigParserRobustness : ParserRobustnessSuite
{
    protected override IFormatParser Parser => new BirdConfigParser();
    protected override string Sample => FixtureFiles.Parser("BirdConfig", "bird.cfg");
    protected override bool LineOriented => false;
    // The middle character of bird.cfg is inside a comment, where any text is allowed; a line start is not.
    protected override int SpliceAt => Sample.IndexOf('\n', Sample.Length / 2) + 1;
}

public sealed class BirdAggrConfigRobustness : ParserRobustnessSuite
{
    protected override IFormatParser Parser => new BirdConfigParser();
    protected override string Sample => FixtureFiles.Parser("BirdConfig", "bird_aggr.cfg");
    protected override bool LineOriented => false;
}

public sealed class BirdRouteReflectorConfigRobustness : ParserRobustnessSuite
{
    protected override IFormatParser Parser => new BirdConfigParser();
    protected override string Sample => FixtureFiles.Parser("BirdConfig", "bird-route-reflector.cfg");
    protected override bool LineOriented => false;
}
