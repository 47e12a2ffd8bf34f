using NetDoctor.Collectors.Parsers.Kubectl;
using NetDoctor.Collectors.Parsing;
using NetDoctor.Collectors.Tests.Robustness;

namespace NetDoctor.Collectors.Tests.Parsers.Kubectl;

/// <summary>YAML is not line-oriented: a bad line may spoil its document (the suite then only requires a located problem).</summary>
public sealed class KubectlYamlListRobustness : ParserRobustnessSuite
{
    protected override IFormatParser Parser => new KubectlParser();
    protected override string Sample => FixtureFiles.Parser("Kubectl", "pods.yaml");
    protected override bool LineOriented => false;
}

public sealed class KubectlMultiDocumentRobustness : ParserRobustnessSuite
{
    protected override IFormatParser Parser => new KubectlParser();
    protected override string Sample => FixtureFiles.Parser("Kubectl", "services-endpoints.yaml");
    protected override bool LineOriented => false;
}

public sealed class KubectlJsonRobustness : ParserRobustnessSuite
{
    protected override IFormatParser Parser => new KubectlParser();
    protected override string Sample => FixtureFiles.Parser("Kubectl", "ippools.json");
    protected override bool LineOriented => false;
}

public sealed class KubectlCalicoRobustness : ParserRobustnessSuite
{
    protected override IFormatParser Parser => new KubectlParser();
    protected override string Sample => FixtureFiles.Parser("Kubectl", "calico-bgp-felix.yaml");
    protected override bool LineOriented => false;
}
