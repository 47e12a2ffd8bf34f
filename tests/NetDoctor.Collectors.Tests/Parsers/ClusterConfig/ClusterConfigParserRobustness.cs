using NetDoctor.Collectors.Parsers.ClusterConfig;
using NetDoctor.Collectors.Parsing;
using NetDoctor.Collectors.Tests.Robustness;

namespace NetDoctor.Collectors.Tests.Parsers.ClusterConfig;

public sealed class KubeadmConfigParserRobustness : ParserRobustnessSuite
{
    protected override IFormatParser Parser => new KubeadmConfigParser();
    protected override string Sample => FixtureFiles.Parser("ClusterConfig", "kubeadm-init-v1beta4.yaml");
    protected override bool LineOriented => false;
    protected override int SpliceAt => Sample.IndexOf('\n', Sample.Length / 2) + 1;
}

public sealed class KubeadmConfigMapRobustness : ParserRobustnessSuite
{
    protected override IFormatParser Parser => new KubeadmConfigParser();
    protected override string Sample => FixtureFiles.Parser("ClusterConfig", "kubeadm-config-configmap.txt");
    protected override bool LineOriented => false;
}

public sealed class KopsClusterParserRobustness : ParserRobustnessSuite
{
    protected override IFormatParser Parser => new KopsClusterParser();
    protected override string Sample => FixtureFiles.Parser("ClusterConfig", "kops-cluster-completed.spec");
    protected override bool LineOriented => false;
    protected override int SpliceAt => Sample.IndexOf('\n', Sample.Length / 2) + 1;
}

public sealed class K3sConfigParserRobustness : ParserRobustnessSuite
{
    protected override IFormatParser Parser => new K3sConfigParser();
    protected override string Sample => FixtureFiles.Parser("ClusterConfig", "rke2-config-dual-stack.yaml");
    protected override bool LineOriented => false;
}
