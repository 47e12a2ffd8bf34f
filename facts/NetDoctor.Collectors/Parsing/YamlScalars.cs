using NetDoctor.Facts;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace NetDoctor.Collectors.Parsing;

/// <summary>A YamlDotNet scalar typed by the one rule of <see cref="YamlScalarTyping"/> (plain 80 is a number, "80" text).</summary>
public static class YamlScalars
{
    /// <summary>The scalar as null, bool, long, double or string.</summary>
    public static object? Typed(YamlScalarNode scalar) =>
        YamlScalarTyping.Typed(scalar.Value ?? "", scalar.Style is ScalarStyle.Plain or ScalarStyle.Any,
            scalar.Tag.IsEmpty || scalar.Tag.IsNonSpecific ? null : scalar.Tag.Value);
}
