using NetDoctor.Collectors.Parsing;
using NetDoctor.Facts;

namespace NetDoctor.Collectors.Parsers.Ipset;

/// <summary>
/// `ipset save`: "create NAME TYPE OPTIONS..." then "add NAME ELEMENT [OPTIONS]" lines. An "add" for a set
/// not created earlier in the file is still a member (the set's type is then unknown) plus a problem.
/// </summary>
public sealed class IpsetSaveParser : IFormatParser
{
    public string Kind => "ipset-save";

    public int Sniff(string fileName, string head)
    {
        if (Path.GetFileName(fileName) is "ipset-save.txt") return 100;
        var h = head.TrimStart();
        if (h.StartsWith("create ", StringComparison.Ordinal) && (h.Contains(" hash:", StringComparison.Ordinal) || h.Contains(" bitmap:", StringComparison.Ordinal) || h.Contains(" list:", StringComparison.Ordinal)))
            return 98;
        return 0;
    }

    public ParseResult Parse(ParseInput input)
    {
        var result = new ParseResult();
        var pool = new StringPool();
        var sets = new Dictionary<string, IpSet>(StringComparer.Ordinal);
        TextLines.ForEach(input.Text, (n, raw) =>
        {
            var line = raw.Trim();
            if (line.IsEmpty || line[0] == '#') return;
            var w = new Words(line);
            var verb = w.NextOrEmpty();
            var name = w.NextOrEmpty();
            if (name.IsEmpty || verb is not ("create" or "add" or "-N" or "-A"))
            {
                result.Problem(input.At(n), $"not an ipset save line: '{Snippet.Of(line)}'");
                return;
            }
            var setName = pool.Get(name);
            if (verb is "create" or "-N")
            {
                var type = w.NextOrEmpty();
                var set = new IpSet { Name = setName, Type = "", Node = input.Node, Source = input.At(n) };
                set = IpsetHeader.WithType(set, type, result, input.At(n));
                set = IpsetHeader.Apply(set, w.Rest, result, input.At(n));
                if (!sets.TryAdd(setName, set)) result.Problem(input.At(n), $"set {Snippet.Of(setName)} created twice");
                result.Add(set);
                return;
            }
            IReadOnlyList<IpSetDimension> dims = [];
            if (sets.TryGetValue(setName, out var created)) dims = created.Dimensions;
            else result.Problem(input.At(n), $"add to set {Snippet.Of(setName)} that was not created above");
            if (w.Rest.IsEmpty)
            {
                result.Problem(input.At(n), "add without an element");
                return;
            }
            result.Add(IpsetEntry.Read(setName, dims, w.Rest, pool, result, input.At(n), input.Node));
        });
        return result;
    }
}
