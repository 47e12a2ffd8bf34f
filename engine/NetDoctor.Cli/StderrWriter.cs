using System.Text;
using NetDoctor.Packs.Output;

namespace NetDoctor.Cli;

/// <summary>
/// Standard error as the commands see it: warnings and problems there quote bundle content (file names, lines that
/// could not be read) and pack content (rule ids, messages of failed rules), so every string is passed through
/// <see cref="SafeText"/> — line breaks and tabs stay, every other control or invisible character is shown escaped.
/// NetDoctor writes no control codes of its own to stderr.
/// </summary>
internal sealed class StderrWriter(TextWriter inner) : TextWriter
{
    public override Encoding Encoding => inner.Encoding;

    public override IFormatProvider FormatProvider => inner.FormatProvider;

    // A surrogate written on its own is half of a character split across two writes: passed on whole.
    public override void Write(char value)
    {
        if (char.IsSurrogate(value)) inner.Write(value);
        else inner.Write(SafeText.Escape(value.ToString()));
    }

    public override void Write(char[] buffer, int index, int count) => inner.Write(SafeText.Escape(new string(buffer, index, count)));

    public override void Write(string? value) => inner.Write(value is null ? null : SafeText.Escape(value));

    public override void WriteLine(string? value) => inner.WriteLine(value is null ? null : SafeText.Escape(value));

    public override void Flush() => inner.Flush();
}
