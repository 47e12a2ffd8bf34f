using System.Globalization;
using NetDoctor.Collectors.Parsing;
using NetDoctor.Facts;

namespace NetDoctor.Collectors.Parsers.Ipset;

/// <summary>
/// The create options shared by `ipset list` ("Header: family inet hashsize 1024 ...") and
/// `ipset save` ("create NAME TYPE family inet hashsize 1024 ..."). Unknown options are kept verbatim.
/// </summary>
internal static class IpsetHeader
{
    private static readonly HashSet<string> Flags = new(StringComparer.Ordinal) { "counters", "comment", "skbinfo", "forceadd", "nomatch" };

    public static IpSet Apply(IpSet set, ReadOnlySpan<char> options, ParseResult problems, Source at)
    {
        var w = new Words(options);
        List<string>? extra = null;
        while (w.Next(out var key))
        {
            if (Flags.Contains(key.ToString()))
            {
                set = key switch
                {
                    "counters" => set with { Counters = true },
                    "comment" => set with { Comment = true },
                    "skbinfo" => set with { SkbInfo = true },
                    _ => set,
                };
                if (key is "forceadd" or "nomatch") (extra ??= []).Add(key.ToString());
                continue;
            }
            if (!w.Next(out var value))
            {
                (extra ??= []).Add(key.ToString());
                problems.Problem(at, $"ipset header option '{Snippet.Of(key)}' has no value");
                break;
            }
            bool ok = true;
            switch (key)
            {
                case "family":
                    var f = IpFamilyNames.Parse(value);
                    ok = f != IpFamily.Unknown;
                    set = set with { Family = f };
                    break;
                case "hashsize":
                    ok = long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var hs);
                    set = set with { HashSize = ok ? hs : null };
                    break;
                case "maxelem":
                    ok = long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var me);
                    set = set with { MaxElem = ok ? me : null };
                    break;
                case "timeout":
                    ok = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var to);
                    set = set with { Timeout = ok ? to : null };
                    break;
                case "bucketsize":
                    ok = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var bs);
                    set = set with { BucketSize = ok ? bs : null };
                    break;
                case "initval":
                    uint iv = 0;
                    ok = value.StartsWith("0x") && uint.TryParse(value[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out iv);
                    set = set with { InitVal = ok ? iv : null };
                    break;
                case "range":
                    set = set with { Range = value.ToString() };
                    break;
                default:
                    (extra ??= []).Add($"{key} {value}");
                    break;
            }
            if (!ok) problems.Problem(at, $"ipset header option '{Snippet.Of(key)}' has a bad value '{Snippet.Of(value)}'");
        }
        return extra is null ? set : set with { Options = extra };
    }

    /// <summary>Normalises a type written with blanks ("hash: net", seen in retyped output) and fills method/dimensions.</summary>
    public static IpSet WithType(IpSet set, ReadOnlySpan<char> typeText, ParseResult problems, Source at)
    {
        string type = typeText.Trim().ToString();
        if (type.AsSpan().ContainsAny(' ', '\t'))
        {
            type = string.Concat(type.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries));
            problems.Problem(at, $"set type written with blanks; read as '{Snippet.Of(type)}'");
        }
        if (!IpsetType.TryParse(type, out var method, out var dims))
            problems.Problem(at, $"unknown set type '{Snippet.Of(type)}'");
        return set with { Type = type, Method = method, Dimensions = dims };
    }
}
