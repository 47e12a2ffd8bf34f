using NetDoctor.Collectors.Parsers.Nft;
using NetDoctor.Collectors.Parsing;
using NetDoctor.Collectors.Tests.Robustness;

namespace NetDoctor.Collectors.Tests.Parsers.Nft;

public sealed class KubeProxyNftRobustness : ParserRobustnessSuite
{
    protected override IFormatParser Parser => new NftRulesetParser();
    protected override string Sample => FixtureFiles.Parser("Nft", "kube-proxy-nftables-cluster-cidr.txt");
}

public sealed class CalicoNftRobustness : ParserRobustnessSuite
{
    protected override IFormatParser Parser => new NftRulesetParser();
    protected override string Sample => FixtureFiles.Parser("Nft", "calico-nftables.txt");
}
