using System.Text.RegularExpressions;
using NetDoctor.Collectors.Parsing;

namespace NetDoctor.Collectors.Bundles;

/// <summary>
/// `ansible HOSTS -m shell -a 'ip route'` prints one block per host under a header line
/// ("192.168.56.4 | CHANGED | rc=0 >>", "node1 | FAILED | rc=1 >>", "node2 | SUCCESS => {"). Operators paste it to show
/// the same command on every node at once, so each host's block is that host's output: it is split off, sniffed and
/// parsed on its own as a file of the node the header names. Lines before the first header (the prompt, ansible's
/// [WARNING]s) and shell prompts after the last block belong to no host and are dropped.
/// </summary>
public static partial class AnsibleAdHocOutput
{
    /// <summary>One host's block: the host, where its output starts (1-based line of the original file) and the output.</summary>
    public sealed record HostBlock(string Host, int HeaderLine, string Status, int FirstLine, IReadOnlyList<string> Lines);

    /// <summary>
    /// The blocks of an ansible ad-hoc output, or null when the text is not one. It is one when a line in the first
    /// <see cref="Sniffing.FormatSniffer.HeadLength"/> characters is a host header, so a log that quotes a header deep
    /// inside stays a log.
    /// </summary>
    /// <summary>Whether a file whose first characters are <paramref name="head"/> is an ansible ad-hoc output.</summary>
    public static bool IsOne(string head) => HeaderRegex().IsMatch(Sniffing.FormatSniffer.Head(head));

    public static IReadOnlyList<HostBlock>? Split(string text)
    {
        if (!IsOne(text)) return null;
        var blocks = new List<HostBlock>();
        string? host = null, status = null;
        int header = 0, first = 0;
        var lines = new List<string>();

        void Close()
        {
            if (host is null) return;
            // The prompt that follows the last block is the shell's, not the host's.
            while (lines.Count > 0 && (lines[^1].Trim().Length == 0 || PromptRegex().IsMatch(lines[^1]))) lines.RemoveAt(lines.Count - 1);
            blocks.Add(new HostBlock(host, header, status!, first, lines.ToList()));
            lines.Clear();
        }

        foreach (var (number, line) in TextLines.Split(text))
        {
            var match = HeaderRegex().Match(line);
            if (match.Success)
            {
                Close();
                host = match.Groups["host"].Value;
                status = match.Groups["status"].Value;
                header = number;
                first = number + 1;
                continue;
            }
            if (host is not null) lines.Add(line);
        }
        Close();
        return blocks.Count == 0 ? null : blocks;
    }

    /// <summary>
    /// The block as a file of its own whose lines keep their numbers in the pasted file: the lines before the block are
    /// left empty, so every fact and problem of the block points at the line the operator sees.
    /// </summary>
    public static string InPlace(HostBlock block) =>
        string.Concat(Enumerable.Repeat("\n", block.FirstLine - 1)) + string.Join('\n', block.Lines) + "\n";

    /// <summary>
    /// "HOST | CHANGED | rc=0 >>" (shell/command modules; the operator may add a note after "&gt;&gt;") and
    /// "HOST | SUCCESS => {" (other modules, JSON follows). A host is a name or an address, never spaces.
    /// </summary>
    [GeneratedRegex(@"^\s*(?<host>[A-Za-z0-9_.:\-\[\]]+) \| (?<status>CHANGED|SUCCESS|FAILED!?|UNREACHABLE!?)( \| rc=-?\d+)? (>>|=>)", RegexOptions.Multiline)]
    private static partial Regex HeaderRegex();

    /// <summary>An interactive shell prompt: "[root@admin /etc/kubernetes ]$", "user@host:~$ ", "# ".</summary>
    [GeneratedRegex(@"^\s*(\[[^\]]*\]\s*[$#]|[\w.-]+@[\w.-]+:[^\s]*\s*[$#])\s*$")]
    private static partial Regex PromptRegex();
}
