using NetDoctor.Collectors.Parsers.KubeProxyConfig;
using NetDoctor.Collectors.Parsing;
using NetDoctor.Collectors.Tests.Robustness;

namespace NetDoctor.Collectors.Tests.Parsers.KubeProxyConfig;

public sealed class ComponentConfigParserRobustness : ParserRobustnessSuite
{
    protected override IFormatParser Parser => new ComponentConfigParser();
    protected override string Sample => FixtureFiles.Parser("KubeProxyConfig", "kube-proxy-config.yaml");
    protected override bool LineOriented => false;
}

public sealed class EmbeddedComponentConfigRobustness : ParserRobustnessSuite
{
    protected override IFormatParser Parser => new ComponentConfigParser();
    protected override string Sample => FixtureFiles.Parser("KubeProxyConfig", "kube-proxy-configmap.yaml");
    protected override bool LineOriented => false;
}
