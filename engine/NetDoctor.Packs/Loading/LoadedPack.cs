using NetDoctor.Packs.Compilation;
using NetDoctor.Packs.Model;

namespace NetDoctor.Packs.Loading;

/// <summary>One pack after loading: its manifest, its compiled rules (those without errors) and its test documents.</summary>
public sealed record LoadedPack(
    string Directory,
    string DisplayDirectory,
    PackDocument? Manifest,
    IReadOnlyList<CompiledRule> Rules,
    IReadOnlyList<RuleTestDocument> Tests,
    IReadOnlyList<string> RuleFiles,
    IReadOnlyList<string> TestFiles)
{
    public string Name => Manifest?.Name ?? Path.GetFileName(Directory);

    public string Version => Manifest?.Version ?? "";
}
