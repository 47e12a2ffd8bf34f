using NetDoctor.Collectors.Bundles;

namespace NetDoctor.Packs.Testing;

/// <summary>Fixture bundles read by the Collectors' bundle reader, exactly as `netdoctor run --bundle` reads them.</summary>
public sealed class BundleFactSource(BundleReadOptions? options = null) : IFactSource
{
    public FactSet Read(string path)
    {
        var facts = BundleReader.Read([path], options);
        return new FactSet(facts.Facts, facts.Problems);
    }
}
