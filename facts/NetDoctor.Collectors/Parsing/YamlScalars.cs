using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace NetDoctor.Collectors.Parsing;

/// <summary>
/// What a YAML scalar means once it leaves YAML: plain scalars are typed the YAML 1.2 core-schema way (null, booleans,
/// integers, floats), while quoted and block scalars, and anything tagged !!str, stay strings — "80" is text, 80 a number.
/// One rule for every YAML-to-JSON conversion (kubectl objects into the client models, rule packs into their schema).
/// </summary>
public static partial class YamlScalars
{
    /// <summary>The scalar as null, bool, long, double or string.</summary>
    public static object? Typed(YamlScalarNode scalar)
    {
        string text = scalar.Value ?? "";
        bool tagged = !scalar.Tag.IsEmpty && !scalar.Tag.IsNonSpecific;
        if (scalar.Style is not (ScalarStyle.Plain or ScalarStyle.Any) || tagged && scalar.Tag.Value == "tag:yaml.org,2002:str") return text;
        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL": return null;
            case "true" or "True" or "TRUE": return true;
            case "false" or "False" or "FALSE": return false;
        }
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
