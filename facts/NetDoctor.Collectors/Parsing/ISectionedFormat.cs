namespace NetDoctor.Collectors.Parsing;

/// <summary>
/// A format whose big shared sections (<see cref="SharedSections"/>) can be found in a file's bytes before it is
/// decoded, so that a section other files already hold need not be decoded at all (<see cref="ElidedSections"/>).
/// </summary>
public interface ISectionedFormat
{
    /// <summary>
    /// The byte ranges of <paramref name="bytes"/> (UTF-8) that the parser, reading the decoded text, would hand to
    /// <see cref="SharedSections"/> as whole sections; each starts at the first byte of a line. A range the parser would
    /// not share must not be listed: its lines would reach the parser blank.
    /// </summary>
    IEnumerable<Range> Sections(ReadOnlyMemory<byte> bytes);
}
