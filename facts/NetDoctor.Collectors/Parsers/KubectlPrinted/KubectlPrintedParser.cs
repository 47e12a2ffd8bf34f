using System.Text.RegularExpressions;
using NetDoctor.Collectors.Parsing;
using NetDoctor.Facts;

namespace NetDoctor.Collectors.Parsers.KubectlPrinted;

/// <summary>
/// What kubectl prints for people, as operators paste it: `kubectl get nodes|pods|svc|endpoints [-o wide] [-A]` tables
/// (also `get all`) and `kubectl describe node|pod` blocks, one or many, with or without the prompt and command line
/// above them, with bare prompts and cut marks ("...") between. Tables give <see cref="KubeNode"/> (addresses, Ready),
/// <see cref="KubePod"/> (IPs, node, readiness, restarts), <see cref="KubeService"/> (ClusterIPs, ports, selector) and
/// <see cref="KubeEndpoints"/>; describe blocks give the node (addresses, pod CIDRs, Calico annotations) or pod
/// (IPs, node, service account, container states and restarts) and its events. The same fact types as the kubectl YAML
/// reader, so rules need not know which one a cluster was pasted as; each fact's line is its row or "Name:" line.
/// </summary>
public sealed partial class KubectlPrintedParser : IFormatParser
{
    private const int MaxLine = 16 * 1024;

    public string Kind => "kubectl-printed";

    public int Sniff(string fileName, string head)
    {
        bool command = false;
        int seen = 0;
        foreach (var (_, line) in TextLines.Split(head))
        {
            if (++seen > 40) break;
            if (KubectlCommandLine.Parse(line) is { Resource: "Node" or "Pod" or "Service" or "Endpoints" or "all" }) { command = true; continue; }
            if (PrintedTable.Header(line) is { } h && PrintedTable.ResourceOf(h.Columns) is not null) return command ? 95 : 85;
            if (DescribeStartRegex().IsMatch(line) && DescribeKeysRegex().Matches(head).Count >= 2) return command ? 95 : 90;
            if (EventsOnlyRegex().IsMatch(line) && EventsHeaderRegex().IsMatch(head)) return 85;
        }
        return command ? 40 : 0;
    }

    public ParseResult Parse(ParseInput input)
    {
        var result = new ParseResult();
        KubectlCommandLine? command = null;
        PrintedTable? table = null;
        List<(int, string)>? describe = null;

        void Close()
        {
            if (describe is not null) Describe(describe, command, input, result);
            describe = null;
            table = null;
        }

        foreach (var (number, raw) in TextLines.Split(input.Text))
        {
            if (raw.Length > MaxLine)
            {
                result.Problem(input.At(number), $"line of {raw.Length} characters is too long to be kubectl output: {Snippet.Of(raw)}");
                continue;
            }
            var line = raw.TrimEnd();
            if (KubectlCommandLine.Parse(line) is { } next)
            {
                Close();
                command = next;
                continue;
            }
            if (line.Trim().Length == 0 || PastedText.IsPrompt(line) || PastedText.IsCommand(line))
            {
                Close();
                // Another command's output follows a prompt with a command that is not kubectl's.
                if (line.Trim().Length > 0 && !BarePromptRegex().IsMatch(line)) command = null;
                continue;
            }
            if (PastedText.IsCutLine(line) || KubectlNoticeRegex().IsMatch(line)) continue;
            if (describe is not null && !(DescribeStartRegex().IsMatch(line) && Indent(line) <= Indent(describe[0].Item2)))
            {
                describe.Add((number, line));
                continue;
            }
            if (DescribeStartRegex().IsMatch(line) || EventsOnlyRegex().IsMatch(line))
            {
                Close();
                describe = [(number, line)];
                continue;
            }
            if (PrintedTable.Header(line) is { } header)
            {
                Close();
                table = NewTable(number, header, command);
                if (table.Resource.StartsWith("unknown", StringComparison.Ordinal))
                    result.Problem(input.At(number), $"cannot tell which resource the table '{Snippet.Of(line.Trim())}' lists; keep the `kubectl get <kind>` line above it");
                continue;
            }
            if (table is null)
            {
                result.Problem(input.At(number), $"not kubectl output: {Snippet.Of(line)}");
                continue;
            }
            if (table.Cells(line) is not { } cells)
            {
                result.Problem(input.At(number), $"row does not fit the columns {string.Join(" ", table.Columns)}: {Snippet.Of(line)}");
                continue;
            }
            if (table.Resource is "Node" or "Pod" or "Service" or "Endpoints") TableRows.Read(table, number, cells, input, result);
        }
        Close();
        HostNetworkPods.Infer(result.Facts);
        return result;
    }

    /// <summary>A table under `get all` lists whichever kind its columns or its first name ("service/kube-dns") say.</summary>
    private static PrintedTable NewTable(int line, (List<string> Columns, List<int> Starts) header, KubectlCommandLine? command)
    {
        string? resource = command is { Verb: "get", Resource: { } r } && r != "all" ? r : PrintedTable.ResourceOf(header.Columns);
        // Kinds without network facts (deployments, daemonsets under `get all`) are read past quietly; a table whose kind
        // nothing tells is reported.
        resource ??= command?.Resource == "all" ? "other:workload" : "unknown";
        return new PrintedTable(line, header.Columns, header.Starts, resource, command is { AllNamespaces: false } ? command.Namespace : null);
    }

    private static void Describe(List<(int Line, string Text)> lines, KubectlCommandLine? command, ParseInput input, ParseResult result)
    {
        var block = DescribeBlock.Read(lines);
        // "No events." is how kubectl before 1.5 said "Events: <none>".
        foreach (var (line, text) in block.Stray.Where(s => s.Text.Trim() != "No events."))
            result.Problem(input.At(line), $"not part of kubectl describe output: {Snippet.Of(text)}");
        string? name = block.Value("Name");
        if (name is null)
        {
            // Events pasted on their own: what they are about is not in the paste, what they say still is.
            result.Problem(input.At(block.Line), "kubectl describe output without its Name: line; the object its events are about is unknown");
            DescribeEvents.Read(block["Events"], "unknown", "", null, null, input, result);
            return;
        }
        switch (DescribeObjects.KindOf(block, command?.Verb == "describe" ? command.Resource : null))
        {
            case "Node": DescribeObjects.Node(block, name, input, result); break;
            case "Pod": DescribeObjects.Pod(block, name, input, result); break;
            case "Service": DescribeService.Read(block, name, input, result); break;
            case var other:
                result.Problem(input.At(block.Line), $"kubectl describe of {(other is null ? "an unknown kind" : other.Replace("other:", ""))} ({Snippet.Of(name)}) is not read; describe nodes, pods and services are");
                break;
        }
    }

    private static int Indent(string line) => line.Length - line.TrimStart().Length;

    // "Name:   calico-node-7kvkf" at the start of a describe block (old kubectl separated with tabs)
    [GeneratedRegex(@"^\s{0,8}Name:[ \t]+\S")]
    private static partial Regex DescribeStartRegex();

    [GeneratedRegex(@"^Events:\s*$")]
    private static partial Regex EventsOnlyRegex();

    [GeneratedRegex(@"^\s+Type\s+Reason\s+Age\s+From\s+Message\s*$", RegexOptions.Multiline)]
    private static partial Regex EventsHeaderRegex();

    [GeneratedRegex(@"^\s{0,8}(Namespace|Roles|Labels|Annotations|Node|Status|IP|Addresses|Taints|Containers|CreationTimestamp|Start Time|Controlled By):", RegexOptions.Multiline)]
    private static partial Regex DescribeKeysRegex();

    /// <summary>Lines kubectl prints about the request rather than objects.</summary>
    [GeneratedRegex(@"^\s*(No resources found|Warning: |Flag --|W\d{4} \d{2}:\d{2}:\d{2}\.\d+ +\d+ warnings\.go)")]
    private static partial Regex KubectlNoticeRegex();

    [GeneratedRegex(@"^\s*(\[[^\]]*\]\s?[#$]|\S+@\S+[#$%]|[\w.:~-]+\$|\$|PS [A-Za-z]:\\[^>]*>)\s*$")]
    private static partial Regex BarePromptRegex();
}
