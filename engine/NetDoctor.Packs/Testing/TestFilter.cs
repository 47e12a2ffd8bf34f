using System.Text.RegularExpressions;
using NetDoctor.Packs.Model;

namespace NetDoctor.Packs.Testing;

/// <summary>
/// `vet --run PATTERN`: which pack tests run. A pattern between slashes (`/dhcp|lease/`) is a .NET regular expression
/// searched in the test's name and in its rule id; anything else is a glob (`*` any text, `?` one character) that must
/// match the whole name or the whole rule id. Both ignore case.
/// </summary>
public sealed class TestFilter
{
    private readonly Regex _regex;

    private TestFilter(string pattern, Regex regex)
    {
        Pattern = pattern;
        _regex = regex;
    }

    public string Pattern { get; }

    /// <summary>The filter for <paramref name="pattern"/>; throws <see cref="ArgumentException"/> for a regex that does not parse.</summary>
    public static TestFilter Parse(string pattern)
    {
        const RegexOptions options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;
        var timeout = TimeSpan.FromSeconds(1);
        if (pattern.Length > 2 && pattern[0] == '/' && pattern[^1] == '/')
            return new TestFilter(pattern, new Regex(pattern[1..^1], options, timeout));
        string glob = "^" + Regex.Escape(pattern).Replace(@"\*", ".*", StringComparison.Ordinal).Replace(@"\?", ".", StringComparison.Ordinal) + "$";
        return new TestFilter(pattern, new Regex(glob, options | RegexOptions.Singleline, timeout));
    }

    public bool Matches(RuleTestDocument test) => _regex.IsMatch(test.Name) || _regex.IsMatch(test.Rule);

    public override string ToString() => Pattern;
}
