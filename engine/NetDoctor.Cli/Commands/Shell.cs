namespace NetDoctor.Cli.Commands;

/// <summary>Paths printed inside commands a user will paste: quoted for a POSIX shell when they need it.</summary>
public static class Shell
{
    public static string Quote(string word) =>
        word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '-' or '_' or ':' or '=' or '+' or ',' or '@')
            ? word
            : "'" + word.Replace("'", "'\\''") + "'";
}
