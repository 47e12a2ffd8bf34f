using System.Text;
using System.Text.RegularExpressions;

namespace NetDoctor.Collectors.Parsing;

/// <summary>
/// Outputs pasted from a terminal keep the command that printed them ("$ kubectl -n kube-system get cm kubeadm-config
/// -o yaml", "[root@k8s01 ~]# nft list ruleset") and often a bare prompt after them. For formats that are no line
/// format of their own (YAML, nft) those lines are blanked before parsing — blanked, not removed, so every line number
/// still points into the file as the operator has it.
/// </summary>
public static partial class PastedCommand
{
    /// <summary>True for a prompt with a command after it, or a bare prompt.</summary>
    public static bool IsPromptLine(ReadOnlySpan<char> line) => PromptRegex().IsMatch(line);

    /// <summary>The text with prompt lines replaced by empty lines (line endings kept); the same string when there is none.</summary>
    public static string Blank(string text)
    {
        if (!PromptRegex().IsMatch(text.AsSpan(0, Math.Min(text.Length, 4096))) && !TailHasPrompt(text)) return text;
        var builder = new StringBuilder(text.Length);
        int start = 0;
        while (start < text.Length)
        {
            int end = text.IndexOfAny(['\n', '\r'], start);
            int lineEnd = end < 0 ? text.Length : end;
            var line = text.AsSpan(start, lineEnd - start);
            if (!IsPromptLine(line)) builder.Append(line);
            if (end < 0) break;
            int next = text[end] == '\r' && end + 1 < text.Length && text[end + 1] == '\n' ? end + 2 : end + 1;
            builder.Append(text, end, next - end);
            start = next;
        }
        return builder.ToString();
    }

    private static bool TailHasPrompt(string text)
    {
        int from = Math.Max(0, text.Length - 512);
        return PromptRegex().IsMatch(text.AsSpan(from));
    }

    /// <summary>
    /// "$ cmd", "# cmd" (a root prompt, only before a command word, so YAML and nft comments survive), "[root@host ~]# cmd",
    /// "user@host:~$ cmd", "PS C:\> cmd", and bare prompts. The command word list keeps comment lines like "# kubelet
    /// specific options here" from being mistaken for a root prompt.
    /// </summary>
    [GeneratedRegex(@"^[ \t]*(?:(?:\[[^\]\r\n]{1,80}\][ \t]*[#$]|[\w.-]{1,64}@[\w.-]{1,64}:[^\s#$]{0,200}[#$]|\$)(?:[ \t]+\S[^\r\n]*)?|#[ \t]*(?:sudo[ \t]+)?(?:kubectl|kubeadm|kops|k3s|rke2|cat|nft|calicoctl|less|more|head|tail|vi|vim|nano|ssh|crictl)\b[^\r\n]*)[ \t]*\r?$", RegexOptions.Multiline)]
    private static partial Regex PromptRegex();
}
