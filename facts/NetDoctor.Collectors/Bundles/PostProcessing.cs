using NetDoctor.Facts;

namespace NetDoctor.Collectors.Bundles;

/// <summary>
/// Steps that need facts from several files at once and therefore cannot live in a (single-file) parser,
/// run once after every input has been read.
/// </summary>
internal static class PostProcessing
{
    public static IReadOnlyList<Fact> Apply(List<Fact> facts, List<Problem> problems) => facts;
}
