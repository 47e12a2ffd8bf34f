using NetDoctor.Collectors.Parsers.KubectlPrinted;
using NetDoctor.Collectors.Parsing;
using NetDoctor.Collectors.Tests.Robustness;

namespace NetDoctor.Collectors.Tests.Parsers.KubectlTable;

// Printed kubectl output is line-oriented: a garbage line is a problem at that line, in a table, a describe block or between.

public sealed class KubectlPodTableRobustness : ParserRobustnessSuite
{
    protected override IFormatParser Parser => new KubectlPrintedParser();
    protected override string Sample => FixtureFiles.Parser("KubectlTable", "pods-A-wide-minikube-calico.txt");
}

public sealed class KubectlSessionRobustness : ParserRobustnessSuite
{
    protected override IFormatParser Parser => new KubectlPrintedParser();
    protected override string Sample => FixtureFiles.Parser("KubectlTable", "kind-session.txt");
}

public sealed class KubectlServiceEndpointsTableRobustness : ParserRobustnessSuite
{
    protected override IFormatParser Parser => new KubectlPrintedParser();
    protected override string Sample => FixtureFiles.Parser("KubectlTable", "svc-endpoints-k8s-1.2.txt");
}

public sealed class KubectlDescribeNodeRobustness : ParserRobustnessSuite
{
    protected override IFormatParser Parser => new KubectlPrintedParser();
    protected override string Sample => FixtureFiles.Parser("KubectlDescribe", "describe-node-kind.txt");
}

public sealed class KubectlDescribePodRobustness : ParserRobustnessSuite
{
    protected override IFormatParser Parser => new KubectlPrintedParser();
    protected override string Sample => FixtureFiles.Parser("KubectlDescribe", "pods-then-describe-kube-proxy.txt");
}

public sealed class KubectlDescribeServiceRobustness : ParserRobustnessSuite
{
    protected override IFormatParser Parser => new KubectlPrintedParser();
    protected override string Sample => FixtureFiles.Parser("KubectlDescribe", "describe-services-two-nodeport.txt");
}
