using NetDoctor.Facts;

namespace NetDoctor.Packs.Testing;

/// <summary>
/// Reads a fixture bundle (a folder or .tar.gz) into facts. The CLI wires this to the Collectors' bundle reader;
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
