namespace NetDoctor.Packs.Model;

/// <summary>
/// Expression or template text from a pack file together with the position of its first character,
/// so errors inside it can point at the exact column.
/// </summary>
public sealed record Expr(string Text, SourceMark Mark)
{
    public SourceMark At(int offset) => Mark.Line <= 0 ? Mark : Mark.WithColumnOffset(offset);

    public override string ToString() => Text;
}
