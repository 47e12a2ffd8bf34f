using NetDoctor.Collectors.Parsers.Logs;
using NetDoctor.Collectors.Parsing;
using NetDoctor.Collectors.Tests.Robustness;

namespace NetDoctor.Collectors.Tests.Parsers.Logs;

// A line a wrapper does not explain is a problem at that line and is still read as plain text: the suite's
// "garbage line is reported and isolated" check holds for every wrapped format.

public sealed class CriLogParserRobustness : ParserRobustnessSuite
{
    protected override IFormatParser Parser => new CriLogParser();
    protected override string Sample => FixtureFiles.Parser("Logs", "cri-calico-kube-controllers-split-0.log");
}

public sealed class CriLogPasteRobustness : ParserRobustnessSuite
{
    protected override IFormatParser Parser => new CriLogParser();
    protected override string Sample => FixtureFiles.Parser("Logs", "cri-kube-router-paste.txt");
}

public sealed class DockerJsonLogParserRobustness : ParserRobustnessSuite
{
    protected override IFormatParser Parser => new DockerJsonLogParser();
    protected override string Sample => FixtureFiles.Parser("Logs", "docker-kube-proxy-json.log");
}

public sealed class SvlogdLogParserRobustness : ParserRobustnessSuite
{
    protected override IFormatParser Parser => new SvlogdLogParser();
    protected override string Sample => FixtureFiles.Parser("Logs", "svlogd-felix-current");
}

public sealed class JournalctlParserRobustness : ParserRobustnessSuite
{
    protected override IFormatParser Parser => new JournalctlParser();
    protected override string Sample => FixtureFiles.Parser("Logs", "journalctl-kubelet.txt");
}

public sealed class JournalctlShortIsoRobustness : ParserRobustnessSuite
{
    protected override IFormatParser Parser => new JournalctlParser();
    protected override string Sample => FixtureFiles.Parser("Logs", "journalctl-short-iso-kube-proxy.txt");
}
