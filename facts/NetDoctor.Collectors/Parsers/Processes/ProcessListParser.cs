using System.Globalization;
using NetDoctor.Collectors.Parsing;

namespace NetDoctor.Collectors.Parsers.Processes;

/// <summary>
/// Command lines of running processes, in the forms people paste and the collector writes:
/// `ps -ef` / `ps auxww` (header optional), bare command lines, `/proc/PID/cmdline` dumps with NUL-separated words
/// (one process per line), and a cmdline dump with one word per line (`tr '\0' '\n'`).
/// Only kube-proxy, kube-apiserver, kubelet, calico-node and kube-controller-manager give facts; other processes are skipped.
/// </summary>
public sealed partial class ProcessListParser : IFormatParser
{
    private static readonly string[] Components = ["kube-proxy", "kube-apiserver", "kubelet", "calico-node", "kube-controller-manager", "hyperkube"];

    /// <summary>Linux caps a command line plus environment at ARG_MAX (2 MiB by default); a longer line is not one.</summary>
    private const int MaxLine = 2 * 1024 * 1024;

    public string Kind => "processes";

    public int Sniff(string fileName, string head)
    {
        var name = Path.GetFileName(fileName);
        if (name is "processes.txt" or "cmdline.txt") return 100;
        bool psHeader = head.Contains("PID", StringComparison.Ordinal) && (head.Contains(" CMD", StringComparison.Ordinal) || head.Contains(" COMMAND", StringComparison.Ordinal));
        bool component = Components.Any(c => head.Contains(c, StringComparison.Ordinal)) &&
                         (head.Contains(" --", StringComparison.Ordinal) || head.Contains("\0--", StringComparison.Ordinal) || head.Contains("\0-", StringComparison.Ordinal));
        if (psHeader && component) return 90;
        if (head.Contains('\0') && component) return 85;
        if (psHeader) return 40;
        // `ps -ef | grep apiserver` loses the header to grep: a ps row whose command is a component still says what it is.
        if (component && HeadHasComponentRow(head)) return 80;
        return 0;
    }

    private static bool HeadHasComponentRow(string head)
    {
        foreach (var (_, line) in TextLines.Split(head))
        {
            var tokens = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            int columns = GuessPsColumns(tokens);
            if (columns > 0 && tokens.Length > columns && StartsCommand(Path.GetFileName(tokens[columns]))) return true;
        }
        return false;
    }

    public ParseResult Parse(ParseInput input)
    {
        var result = new ParseResult();
        var lines = TextLines.Split(input.Text);
        int skip = -1; // columns before the command; -1 = not known from a header
        int pidColumn = 1; // `ps -ef` and `ps aux` put the PID second; a header says where it really is (`ps -eo pid,args`: first)
        List<Arg>? wordPerLine = null;
        int wordPerLineStart = 0;

        void FlushWordPerLine()
        {
            if (wordPerLine is { Count: > 0 }) Emit(wordPerLine, null, wordPerLineStart, input, result);
            wordPerLine = null;
        }

        foreach (var (number, line) in lines)
        {
            if (line.Length > MaxLine)
            {
                result.Problem(input.At(number), $"line of {line.Length} characters is longer than any command line can be: {Snippet.Of(line)}");
                continue;
            }
            if (line.Contains('\0'))
            {
                FlushWordPerLine();
                var words = line.Split('\0', StringSplitOptions.RemoveEmptyEntries).Select(w => new Arg(w, input.At(number))).ToList();
                Emit(words, null, number, input, result);
                continue;
            }
            var trimmed = line.Trim();
            if (trimmed.Length == 0) continue;
            if (IsHeader(trimmed, out var headerSkip, out var headerPid))
            {
                pidColumn = headerPid;
                FlushWordPerLine();
                skip = headerSkip;
                continue;
            }
            var tokens = trimmed.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            // One word per line (`tr '\0' '\n'`): every single word continues the command until a new command starts.
            if (wordPerLine is not null && tokens.Length == 1 && !StartsCommand(tokens[0]))
            {
                wordPerLine.Add(new Arg(tokens[0], input.At(number)));
                continue;
            }
            FlushWordPerLine();
            int columns = skip >= 0 ? skip : GuessPsColumns(tokens);
            if (tokens.Length <= columns)
            {
                if (columns > 0) result.Problem(input.At(number), $"process line has no command: {Snippet.Of(trimmed)}");
                continue;
            }
            int pidAt = skip >= 0 ? pidColumn : 1;
            if (columns > 0 && pidAt >= 0 && !tokens[pidAt].All(char.IsAsciiDigit))
            {
                result.Problem(input.At(number), $"process line has no numeric PID: {Snippet.Of(trimmed)}");
                continue;
            }
            int? pid = columns > 0 && pidAt >= 0 && int.TryParse(tokens[pidAt], NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : null;
            if (columns == 0 && !ExecutableRegex().IsMatch(tokens[0]))
            {
                result.Problem(input.At(number), $"not a command line: {Snippet.Of(trimmed)}");
                continue;
            }
            var argv = tokens.Skip(columns).Select(w => new Arg(w, input.At(number))).ToList();
            if (columns == 0 && tokens.Length == 1 && StartsCommand(tokens[0]))
            {
                wordPerLine = argv;
                wordPerLineStart = number;
                continue;
            }
            Emit(argv, pid, number, input, result);
        }
        FlushWordPerLine();
        return result;
    }

    private static bool StartsCommand(string word) =>
        !word.StartsWith('-') && (ComponentCommandLine.ByName(word) is not null || word == "hyperkube" || word.EndsWith("/hyperkube", StringComparison.Ordinal));

    private static void Emit(List<Arg> argv, int? pid, int line, ParseInput input, ParseResult result)
    {
        if (ComponentCommandLine.Read(argv, input.Node, pid, input.At(line)) is { } settings) result.Add(settings);
    }

    /// <summary>`ps -ef`: UID PID PPID C STIME TTY TIME CMD (7 columns before the command); `ps aux`: 10.</summary>
    private static bool IsHeader(string line, out int skip, out int pidColumn)
    {
        skip = 0;
        pidColumn = -1;
        if (!line.Contains("PID", StringComparison.Ordinal)) return false;
        var words = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        int cmd = Array.FindIndex(words, w => w is "CMD" or "COMMAND" or "ARGS");
        if (cmd < 0) return false;
        skip = cmd;
        pidColumn = Array.IndexOf(words, "PID");
        if (pidColumn >= cmd) pidColumn = -1;
        return true;
    }

    /// <summary>Without a header: "root 2939 2885 1 09:59 ? 00:04:00 kube-apiserver ..." is ps -ef (PPID numeric, no '.'), ps aux has %CPU "0.0".</summary>
    private static int GuessPsColumns(string[] t)
    {
        if (t.Length < 8 || !t[1].All(char.IsAsciiDigit)) return 0;
        if (t.Length >= 11 && t[2].Contains('.') && t[3].Contains('.')) return 10;
        return t[2].All(char.IsAsciiDigit) ? 7 : 0;
    }

    /// <summary>What ps prints as a command's first word: a path or name, "[kthreadd]", "sshd:".</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^[A-Za-z0-9_./\[\]:@+()-]+$")]
    private static partial System.Text.RegularExpressions.Regex ExecutableRegex();
}
