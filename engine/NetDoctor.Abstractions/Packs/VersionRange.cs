using System.Globalization;

namespace NetDoctor.Packs;

/// <summary>
/// The versions of a pack a `requires:` entry accepts, in the npm/Cargo spelling pack authors know: `*` (any), `1.2.3`
/// (exactly), comparisons `&gt;=1.0.0 &lt;2.0.0` (all must hold), caret `^1.2` (same major: &gt;=1.2.0 &lt;2.0.0; for 0.x the
/// same minor) and tilde `~1.2` (same minor). Pre-release and build suffixes are ignored: versions compare by
/// major.minor.patch only, which is all a pack dependency needs.
/// </summary>
public sealed class VersionRange
{
    private readonly IReadOnlyList<(string Op, Version Version)> _bounds;

    private VersionRange(string text, IReadOnlyList<(string, Version)> bounds)
    {
        Text = text;
        _bounds = bounds;
    }

    public static VersionRange Any { get; } = new("*", []);

    public string Text { get; }

    public static bool TryParse(string? text, out VersionRange range)
    {
        range = Any;
        if (string.IsNullOrWhiteSpace(text) || text.Trim() == "*") return true;
        var bounds = new List<(string, Version)>();
        foreach (string part in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            string op = part.StartsWith(">=") || part.StartsWith("<=") ? part[..2] : part[0] is '>' or '<' or '^' or '~' or '=' ? part[..1] : "=";
            string rest = op == "=" && part[0] != '=' ? part : part[op.Length..];
            if (!TryParseVersion(rest, out var version, out int given)) return false;
            switch (op)
            {
                case "^":
                    bounds.Add((">=", version));
                    bounds.Add(("<", version.Major > 0 || given == 1 ? new Version(version.Major + 1, 0, 0) : new Version(0, version.Minor + 1, 0)));
                    break;
                case "~":
                    bounds.Add((">=", version));
                    bounds.Add(("<", given == 1 ? new Version(version.Major + 1, 0, 0) : new Version(version.Major, version.Minor + 1, 0)));
                    break;
                default:
                    bounds.Add((op, version));
                    break;
            }
        }
        range = new VersionRange(text.Trim(), bounds);
        return true;
    }

    /// <summary>True when <paramref name="version"/> (a pack's `version:`) satisfies every bound.</summary>
    public bool Includes(string version)
    {
        if (!TryParseVersion(version, out var v, out _)) return false;
        return _bounds.All(b => b.Op switch
        {
            ">=" => v >= b.Version,
            "<=" => v <= b.Version,
            ">" => v > b.Version,
            "<" => v < b.Version,
            _ => v == b.Version,
        });
    }

    public override string ToString() => Text;

    /// <summary>"1", "1.2" or "1.2.3" (missing parts are 0; <paramref name="given"/> says how many were written).</summary>
    private static bool TryParseVersion(string text, out Version version, out int given)
    {
        version = new Version(0, 0, 0);
        int cut = text.IndexOfAny(['-', '+']);
        var parts = (cut >= 0 ? text[..cut] : text).Split('.');
        given = parts.Length;
        if (parts.Length is < 1 or > 3) return false;
        var numbers = new int[3];
        for (int i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i])) return false;
        }
        version = new Version(numbers[0], numbers[1], numbers[2]);
        return true;
    }
}
