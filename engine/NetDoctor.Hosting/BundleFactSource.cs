using NetDoctor.Collectors.Bundles;
using NetDoctor.Packs.Testing;

namespace NetDoctor.Hosting;

/// <summary>
/// Fixture bundles of pack tests read by the Collectors' bundle reader, exactly as `netdoctor run --bundle` reads them.
/// It lives in the composition, not in the pack library: Packs knows only <see cref="IFactSource"/>, so it does not
/// depend on how bundles are parsed.
/// </summary>
public sealed class BundleFactSource(BundleReadOptions? options = null) : IFactSource
{
    public FactSet Read(string path)
    {
        var facts = BundleReader.Read([path], options);
        return new FactSet(facts.Facts, facts.Problems);
    }
}
