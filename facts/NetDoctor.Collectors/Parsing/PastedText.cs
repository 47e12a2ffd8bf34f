using System.Text.RegularExpressions;

namespace NetDoctor.Collectors.Parsing;

/// <summary>
/// What people leave around command output they paste: the shell prompt and command line above it, bare prompts after
/// it, and marks where they cut it short ("...", "[snip]", "&lt;output truncated&gt;"). None of it is data; a parser of a
/// pasted format skips these lines instead of calling them malformed.
/// </summary>
public static partial class PastedText
{
    /// <summary>A mark where output was cut: "...", "…", "[...]", "&lt;snip&gt;", "--- 8&lt; ---", "(truncated)", "... 40 more lines ...".</summary>
    public static bool IsCutLine(ReadOnlySpan<char> line) => line.Length <= 120 && CutRegex().IsMatch(line);

    /// <summary>A shell prompt with or without a command ("$ kubectl get nodes", "[root@k8s01 ~]# ipset list", "PS C:\&gt; kubectl ...").</summary>
    public static bool IsPrompt(ReadOnlySpan<char> line) => line.Length <= 4096 && PromptRegex().IsMatch(line);

    /// <summary>A command pasted without its prompt, of the tools whose output gets pasted ("sudo cat /var/log/…", "journalctl -u kubelet").</summary>
    public static bool IsCommand(ReadOnlySpan<char> line) => line.Length <= 4096 && CommandRegex().IsMatch(line);

    /// <summary>Any line a paste adds around output: prompt, bare command, cut mark.</summary>
    public static bool IsPasteMark(ReadOnlySpan<char> line) => IsPrompt(line) || IsCommand(line) || IsCutLine(line);

    [GeneratedRegex(@"^\s*(#\s*)?(" +
        @"[\[(<{]?\s*(\.{3,}|…+)\s*([\d,]+\s+)?(more\s+)?(lines?|rows?|entries|items)?\s*(omitted|truncated|snipped|skipped|removed)?\s*(\.{3,}|…+)?\s*[\])>}]?" +
        @"|[\[(<{]\s*(snip(ped)?|truncated|omitted|cut|output (truncated|omitted|cut|snipped))\s*(\.{3,}|…)?\s*[\])>}]" +
        @"|(\.{3,}\s*)?(snip(ped)?|truncated|output (truncated|omitted|snipped))(\s*\.{3,})?" +
        @"|[-=~*]{2,}\s*(8<|>8|✂|snip(ped)?|cut( here)?)\s*[-=~*]{2,}" +
        @")\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex CutRegex();

    [GeneratedRegex(@"^\s*(sudo\s+(-\S+\s+)*)?(cat|tail|head|less|more|zcat|grep|egrep|kubectl|oc|k3s kubectl|microk8s kubectl|docker|crictl|nerdctl|journalctl|systemctl|calicoctl|ip|iptables-save|ip6tables-save|iptables|ipset|ipvsadm|nft|route|sysctl|birdcl|birdc|ps|tcpdump|conntrack)(\s+\S.*)?$")]
    private static partial Regex CommandRegex();

    // "$ cmd", "# cmd" is ambiguous with comments and is left out; "user@host:~$ cmd", "[user@host dir]# cmd",
    // "host$ cmd", "host:~$cmd" (no blank), "host:dir user$ cmd" (macOS), "cp-tp888:~> cmd" (SUSE), "PS C:\dir> cmd",
    // "➜  dir cmd" (oh-my-zsh); "> cmd" is left out (quotes).
    [GeneratedRegex(@"^\s*(\$(\s|$)|\[[^\]\r\n]{1,80}\]\s?[#$](\s|$)|[\w.-]{1,64}@[\w.-]{1,64}(:[^\s#$]*)?\s?[#$%](\s|$)|[\w.-]{1,64}\s?\$(\s|$)|[\w.-]{1,64}:[~/][^\s#$>]*\s?[$#>](\s|$|(?=kubectl|k |oc |sudo |cat |journalctl))|[\w.-]{1,64}:[^\s#$]* [\w.-]{1,32}\$(\s|$)|PS [A-Za-z]:\\[^>]*>(\s|$)|➜\s)")]
    private static partial Regex PromptRegex();
}
