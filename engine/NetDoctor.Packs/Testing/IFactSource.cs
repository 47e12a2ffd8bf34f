using NetDoctor.Facts;

namespace NetDoctor.Packs.Testing;

/// <summary>
/// Reads a fixture bundle (a folder or .tar.gz) into facts. The composition (NetDoctor.Hosting) wires this to the Collectors' bundle reader;
/// the pack library stays independent of how bundles are parsed.
/// </summary>
public interface IFactSource
{
    FactSet Read(string path);
}

/// <summary>Facts read from a bundle and the problems met while reading it (never an exception for bad content).</summary>
public sealed record FactSet(IReadOnlyList<Fact> Facts, IReadOnlyList<Problem> Problems);

/// <summary>An <see cref="IFactSource"/> from a delegate.</summary>
public sealed class DelegateFactSource(Func<string, FactSet> read) : IFactSource
{
    public FactSet Read(string path) => read(path);
}

/// <summary>
/// The <see cref="IFactSource"/> of a host that supplied none: the pack library does not parse bundles itself, so a test
/// with a fixture bundle fails saying how to compose one (NetDoctor.Hosting supplies the Collectors' bundle reader).
/// </summary>
public sealed class NoBundleReader : IFactSource
{
    public FactSet Read(string path) =>
        throw new InvalidOperationException($"cannot read fixture bundle '{path}': no bundle reader was supplied (VetOptions.Bundles); compose with NetDoctor.Hosting (AddNetDoctor / NetDoctorHost.Create), which supplies the Collectors' reader");
}
