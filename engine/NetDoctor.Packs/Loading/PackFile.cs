using NetDoctor.Packs.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace NetDoctor.Packs.Loading;

/// <summary>One YAML file of a pack: where it is (for marks) and its text.</summary>
public sealed record PackFile(string DisplayPath, string RelativePath, string Text)
{
    public SourceMark At(Mark mark) => new(DisplayPath, RelativePath, (int)mark.Line, (int)mark.Column);

    public SourceMark At(YamlNode node) => At(node.Start);

    public SourceMark Whole => new(DisplayPath, RelativePath, 0, 0);

    /// <summary>
    /// The mark of the first character of a scalar's value: quoted scalars start one column after the quote;
    /// block scalars (| and >) start on the next line, at an indentation we do not know, so we point at the indicator.
    /// </summary>
    public SourceMark ValueStart(YamlScalarNode node) => node.Style switch
    {
        ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted => At(node).WithColumnOffset(1),
        _ => At(node),
    };

    public Expr Expr(YamlScalarNode node) => new(node.Value ?? "", ValueStart(node));
}
