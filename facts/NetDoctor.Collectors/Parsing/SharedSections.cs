using System.Collections.Concurrent;
using NetDoctor.Facts;

namespace NetDoctor.Collectors.Parsing;

/// <summary>
/// Content-addressed parsing of the big sections of a file (an iptables-save table): files of many nodes that differ
/// somewhere (Calico's per-node filter chains) still hold identical sections (kube-proxy's nat table, ~110,000 lines
/// at 1,000 nodes), so a section is parsed once per content and every copy takes shallow copies of its facts with its
/// own node, file and lines (<see cref="Section.CopyFor"/>). Only the facts <see cref="Keep"/> accepts are held for the
/// copies (a run keeps what its rules can use: a few hundred of the nat table's 300,000), so a copy costs what it keeps,
/// not what it parsed. One instance per read; parses run in parallel, so the first parse of a content is shared by
/// every file that asks for it meanwhile (the others wait for it instead of parsing it too).
/// </summary>
public sealed class SharedSections(Func<Fact, bool>? keep = null)
{
    /// <summary>Sections shorter than this are parsed where they are: hashing and copying would cost about as much.</summary>
    public const int MinChars = 16 * 1024;

    private readonly ConcurrentDictionary<Key, Lazy<Section>> _sections = new();
    private readonly ConcurrentDictionary<SectionContent, byte> _contents = new();
    private long _sharedBytes;

    /// <summary>Facts worth holding for copies (null: all).</summary>
    public Func<Fact, bool>? Keep { get; } = keep;

    /// <summary>Bytes (UTF-8) of text that were copies of a section parsed before (not parsed again).</summary>
    public long SharedBytes => Interlocked.Read(ref _sharedBytes);

    /// <summary>
    /// The section with content <paramref name="content"/> and parser state <paramref name="state"/> (what else its facts
    /// depend on: table name, backend, family...), parsed by <paramref name="parse"/> if no file had it yet.
    /// </summary>
    /// <returns>The section and whether it was parsed by another file (then its text counts as shared).</returns>
    private (Section Section, bool Copy) GetOrParse(SectionContent content, string state, Func<Section> parse)
    {
        var mine = new Lazy<Section>(parse, LazyThreadSafetyMode.ExecutionAndPublication);
        var lazy = _sections.GetOrAdd(new Key(content, state), mine);
        _contents.TryAdd(content, 0);
        var section = lazy.Value;
        bool copy = !ReferenceEquals(lazy, mine);
        if (copy) Interlocked.Add(ref _sharedBytes, content.Bytes);
        return (section, copy);
    }

    /// <summary>
    /// Whether some file of this read asked for a section with this content (in any parser state): a reader may then
    /// leave the section undecoded (<see cref="ElidedSections"/>), as its facts will most likely be a copy.
    /// </summary>
    public bool Known(SectionContent content) => _contents.ContainsKey(content);

    /// <summary>
    /// Reads the section <paramref name="input"/>.Text[start..start+length], which starts at <paramref name="firstLine"/>,
    /// into <paramref name="into"/>: parsed here by <paramref name="parse"/> when no file had it yet (its facts are this
    /// file's own), else as a copy of another file's parse with this file's node, path and lines (its text counts as
    /// shared). Returns how many lines the section spans, so the caller skips them.
    /// </summary>
    public int Read(ParseInput input, int firstLine, int start, int length, string state, Func<Section> parse, ParseResult into) =>
        Read(input, firstLine, SectionContent.Of(input.Text.AsSpan(start, length)), state, parse, into);

    /// <summary>
    /// Reads a section known by its content rather than its text: one the reader left undecoded (<see cref="ElidedSections"/>),
    /// whose <paramref name="parse"/> decodes it from the file's bytes if it must be parsed here after all.
    /// </summary>
    public int Read(ParseInput input, int firstLine, SectionContent content, string state, Func<Section> parse, ParseResult into)
    {
        var (section, copy) = GetOrParse(content, state, parse);
        if (copy)
        {
            section.CopyFor(input, firstLine, into);
            into.SharedBytes += content.Bytes;
        }
        else
        {
            into.Facts.AddRange(section.Facts);
            into.Problems.AddRange(section.Problems);
        }
        return section.Lines;
    }

    private readonly record struct Key(SectionContent Content, string State);

    /// <summary>
    /// A section's kept facts and problems as read at <see cref="FirstLine"/> of <see cref="Path"/> on
    /// <see cref="Node"/>; <see cref="Parsed"/> counts every fact it gave before <see cref="Keep"/>.
    /// </summary>
    public sealed record Section(IReadOnlyList<Fact> Facts, IReadOnlyList<Problem> Problems, string Path, string? Node, int FirstLine, int Parsed)
    {
        /// <summary>How many lines the section spans.</summary>
        public int Lines { get; init; }

        /// <summary>
        /// A section parsed on its own, by a reader of its format started in the file's state: the lines of
        /// <paramref name="text"/> from <paramref name="firstLine"/> go to <paramref name="line"/>, then <paramref name="end"/>
        /// finishes the reader, whose <paramref name="result"/> becomes the section, keeping what <paramref name="keep"/> accepts.
        /// </summary>
        public static Section Parse(ParseInput input, int firstLine, string text, TextLines.LineAction line, Action end, ParseResult result, Func<Fact, bool>? keep)
        {
            int last = firstLine;
            TextLines.ForEach(text, 0, text.Length, firstLine, (k, l) =>
            {
                last = k;
                line(k, l);
            });
            end();
            var facts = result.Facts;
            IReadOnlyList<Fact> kept = keep is null ? facts : facts.Where(keep).ToList();
            return new Section(kept, result.Problems, input.Path, input.Node, firstLine, facts.Count) { Lines = last - firstLine + 1 };
        }

        /// <summary>The section's facts and problems as if read at <paramref name="firstLine"/> of <paramref name="input"/>.</summary>
        public void CopyFor(ParseInput input, int firstLine, ParseResult into)
        {
            int delta = firstLine - FirstLine;
            foreach (var fact in Facts)
            {
                into.Add(fact with
                {
                    Source = Moved(fact.Source, input.Path, delta),
                    Node = fact.Node == Node ? input.Node : fact.Node,
                });
            }
            foreach (var problem in Problems) into.Problems.Add(problem with { Source = Moved(problem.Source, input.Path, delta) });
        }

        private Source Moved(Source source, string path, int delta) =>
            source.File == Path ? new Source(path, source.Line == 0 ? 0 : source.Line + delta) : source;
    }
}
