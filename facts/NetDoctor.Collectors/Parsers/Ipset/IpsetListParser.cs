using System.Globalization;
using NetDoctor.Collectors.Parsing;
using NetDoctor.Facts;

namespace NetDoctor.Collectors.Parsers.Ipset;

/// <summary>
/// `ipset list` (ipset 6 and 7 headers): "Name:", "Type:", "Revision:", "Header:", "Size in memory:",
/// "References:", "Number of entries:" (7+), "Members:" then one element per line up to a blank line.
/// Lenient with retyped output ("Revision:7", "hash: net", "Number of entries: 1Members:").
/// A set whose member count differs from its declared "Number of entries" is reported (truncated paste).
/// A set of 1 KB or more is parsed once per content across the files of a read
/// (<see cref="ParseInput.Sections"/>): Calico's namespace selector sets are the same on every node, only a few sets
/// (this host's addresses) differ.
/// </summary>
public sealed class IpsetListParser : IFormatParser
{
    public string Kind => "ipset-list";

    public int Sniff(string fileName, string head)
    {
        var name = Path.GetFileName(fileName);
        bool saveFormat = head.TrimStart().StartsWith("create ", StringComparison.Ordinal);
        if (name is "ipset-list.txt" or "ipsets" && !saveFormat) return 100;
        if (head.Contains("Name: ", StringComparison.Ordinal) && head.Contains("Type: ", StringComparison.Ordinal)) return 90;
        return 0;
    }

    public ParseResult Parse(ParseInput input)
    {
        var reader = new Reader(input);
        TextLines.ForEach(input.Text, reader.Line);
        reader.End();
        return reader.Result;
    }

    private sealed class Reader(ParseInput input)
    {
        public ParseResult Result { get; } = new();
        private readonly StringPool _pool = new();
        private IpSet? _set;
        private bool _headerEmitted, _inMembers, _membersSeen;
        private int _members;
        // The last line of a set whose facts were copied from an identical one parsed before (SharedSet).
        private int _skipThrough;

        public void Line(int n, ReadOnlySpan<char> raw)
        {
            if (n <= _skipThrough) return;
            var line = raw.Trim();
            if (_inMembers)
            {
                if (line.IsEmpty)
                {
                    _inMembers = false;
                    return;
                }
                if (!line.StartsWith("Name:", StringComparison.OrdinalIgnoreCase))
                {
                    _members++;
                    Result.Add(IpsetEntry.Read(_set!.Name, _set.Dimensions, line, _pool, Result, input.At(n), input.Node));
                    return;
                }
                _inMembers = false;
            }
            if (line.IsEmpty) return;
            int colon = line.IndexOf(':');
            if (colon <= 0)
            {
                Result.Problem(input.At(n), $"not an ipset list line: '{Snippet.Of(line)}'");
                return;
            }
            var key = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            if (key.Equals("Name", StringComparison.OrdinalIgnoreCase))
            {
                FinishSet();
                if (SharedSet(n, raw)) return;
                if (value.IsEmpty)
                {
                    Result.Problem(input.At(n), "set without a name");
                    return;
                }
                _set = new IpSet { Name = _pool.Get(value), Type = "", Node = input.Node, Source = input.At(n) };
                return;
            }
            if (_set is null || _headerEmitted)
            {
                Result.Problem(input.At(n), $"'{Snippet.Of(key)}' outside a set header");
                return;
            }
            switch (key.ToString().ToLowerInvariant())
            {
                case "type":
                    _set = IpsetHeader.WithType(_set, value, Result, input.At(n));
                    break;
                case "revision":
                    _set = _set with { Revision = Int(n, key, value) };
                    break;
                case "header":
                    _set = IpsetHeader.Apply(_set, value, Result, input.At(n));
                    break;
                case "size in memory":
                    _set = _set with { SizeInMemory = Int(n, key, value) };
                    break;
                case "references":
                    _set = _set with { References = Int(n, key, value) };
                    break;
                case "number of entries":
                    // "1Members:" — two lines glued together in a retyped paste.
                    if (value.EndsWith("Members:", StringComparison.OrdinalIgnoreCase))
                    {
                        _set = _set with { NumberOfEntries = Int(n, key, value[..^"Members:".Length]) };
                        Result.Problem(input.At(n), "'Members:' glued to 'Number of entries'; read as two lines");
                        StartMembers();
                    }
                    else
                    {
                        _set = _set with { NumberOfEntries = Int(n, key, value) };
                    }

                    break;
                case "members":
                    StartMembers();
                    if (!value.IsEmpty)
                    {
                        _members++;
                        Result.Add(IpsetEntry.Read(_set!.Name, _set.Dimensions, value, _pool, Result, input.At(n), input.Node));
                    }
                    break;
                default:
                    Result.Problem(input.At(n), $"unknown set header field '{Snippet.Of(key)}'");
                    break;
            }
        }

        public void End() => FinishSet();

        /// <summary>
        /// A set (its "Name:" line up to the next line starting "Name:", or the end) of at least <see cref="MinSetChars"/>
        /// is parsed once per content across the files of a read. The reader's state
        /// at a "Name:" line is that of a fresh reader (the previous set is finished), so parsing the set alone gives the
        /// facts parsing it here would. False when the set is parsed here, line by line, as usual.
        /// </summary>
        /// <summary>
        /// Calico's namespace selector sets are the same on every node and only a few KB each (a 100-node cluster's ten
        /// namespaces hold 300 pods apiece, 4 KB a set): parsed on every node, their members were a fifth of the read's
        /// allocations. A set is shared from about 50 members (hashing it costs far less than parsing it).
        /// </summary>
        private const int MinSetChars = 1024;

        private bool SharedSet(int n, ReadOnlySpan<char> raw)
        {
            if (input.Sections is not { } sections) return false;
            string text = input.Text;
            if (!text.AsSpan().Overlaps(raw, out int start) || start < 0) return false;
            int next = text.IndexOf("\nName:", start, StringComparison.Ordinal);
            int end = next < 0 ? text.Length : next;
            if (end - start < MinSetChars) return false;
            _skipThrough = n + sections.Read(input, n, start, end - start, "ipset-list", () => ParseSection(n, start, end - start, sections.Keep), Result) - 1;
            return true;
        }

        /// <summary>A set parsed on its own from a copy of its text, keeping what <paramref name="keep"/> accepts.</summary>
        private SharedSections.Section ParseSection(int firstLine, int start, int length, Func<Fact, bool>? keep)
        {
            string own = input.Text.Substring(start, length);
            var set = new Reader(input with { Sections = null, Text = own });
            return SharedSections.Section.Parse(input, firstLine, own, set.Line, set.End, set.Result, keep);
        }

        private void StartMembers()
        {
            EmitHeader();
            _inMembers = _membersSeen = true;
        }

        private void EmitHeader()
        {
            if (_set is null || _headerEmitted) return;
            if (_set.Type.Length == 0) Result.Problem(_set.Source, $"set {Snippet.Of(_set.Name)} has no Type line");
            Result.Add(_set);
            _headerEmitted = true;
        }

        private void FinishSet()
        {
            if (_set is null) return;
            EmitHeader();
            if (_membersSeen && _set.NumberOfEntries is { } declared && declared != _members)
                Result.Problem(_set.Source, $"set {Snippet.Of(_set.Name)} declares {declared} entries but {_members} members were read (truncated?)");
            _set = null;
            _headerEmitted = _inMembers = _membersSeen = false;
            _members = 0;
        }

        private int? Int(int n, ReadOnlySpan<char> key, ReadOnlySpan<char> value)
        {
            if (int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var v)) return v;
            Result.Problem(input.At(n), $"{Snippet.Of(key)}: '{Snippet.Of(value)}' is not a number");
            return null;
        }
    }
}
