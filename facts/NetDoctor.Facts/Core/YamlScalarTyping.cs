using System.Globalization;
using System.Text.RegularExpressions;

namespace NetDoctor.Facts;

/// <summary>
/// What a YAML scalar means once it leaves YAML: plain scalars are typed the YAML 1.2 core-schema way (null, booleans,
/// integers, floats), while quoted and block scalars, and anything tagged !!str, stay strings — "80" is text, 80 a number.
/// One rule for every YAML-to-JSON conversion (kubectl objects into the client models, rule packs into their schema).
/// It lives here, free of any YAML library, so both the collectors and the pack library use it without depending on
/// each other; each passes what its parser says about the scalar.
/// </summary>
public static partial class YamlScalarTyping
{
    public const string StringTag = "tag:yaml.org,2002:str";

    /// <summary>The scalar as null, bool, long, double or string.</summary>
    /// <param name="text">The scalar's value.</param>
    /// <param name="plain">True for a plain (unquoted, not block) scalar.</param>
    /// <param name="tag">Its explicit tag, or null when it has none.</param>
    public static object? Typed(string text, bool plain, string? tag)
    {
        if (!plain || tag == StringTag) return text;
        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL": return null;
            case "true" or "True" or "TRUE": return true;
            case "false" or "False" or "FALSE": return false;
        }
        // Most scalars are names and words: only one that starts like a number can be one (the patterns run on every scalar).
        if (text[0] is not ((>= '0' and <= '9') or '-' or '+' or '.')) return text;
        if (IntPattern().IsMatch(text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long l))
            return l;
        if (FloatPattern().IsMatch(text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double d))
            return d;
        return text;
    }

    [GeneratedRegex(@"^[-+]?[0-9]+$")]
    private static partial Regex IntPattern();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatPattern();
}
