using System.Text;

namespace NetDoctor.Cli;

/// <summary>
/// Standard output as the commands see it. With stdout closed (`netdoctor run … &gt;&amp;-`) or a reader gone
/// (`| head`), .NET throws UnauthorizedAccessException or IOException from whichever write comes first, deep inside a
/// reporter; here every such failure becomes one <see cref="StdoutClosedException"/> that <see cref="CliHost"/> turns
/// into a message on stderr and an exit code, instead of an unhandled crash (exit 134).
/// </summary>
internal sealed class StdoutWriter(TextWriter inner) : TextWriter
{
    public override Encoding Encoding => inner.Encoding;

    public override IFormatProvider FormatProvider => inner.FormatProvider;

    public override void Write(char value) => Guard(() => inner.Write(value));

    public override void Write(char[] buffer, int index, int count) => Guard(() => inner.Write(buffer, index, count));

    public override void Write(string? value) => Guard(() => inner.Write(value));

    public override void WriteLine(string? value) => Guard(() => inner.WriteLine(value));

    public override void Flush() => Guard(inner.Flush);

    private static void Guard(Action write)
    {
        try
        {
            write();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StdoutClosedException(e);
        }
    }
}

/// <summary>Standard output cannot be written: closed, or its reader has gone.</summary>
internal sealed class StdoutClosedException(Exception cause) : IOException($"cannot write to standard output (closed, or its reader has gone): {cause.Message}", cause);
