using System.Globalization;
using NetDoctor.Facts;

namespace NetDoctor.Collectors.Parsers.Nft;

/// <summary>Reads one rule line of a chain into an <see cref="NftRule"/>: statements, verdict, NAT, comment, counters.</summary>
public static class NftRuleReader
{
    private static readonly HashSet<string> Verdicts = new(StringComparer.Ordinal) { "accept", "drop", "reject", "return", "jump", "goto", "queue", "continue" };
    private static readonly HashSet<string> NatStatements = new(StringComparer.Ordinal) { "masquerade", "snat", "dnat", "redirect" };

    public static NftRule Read(string family, string table, string chain, int position, string text, Source source, string? node)
    {
        var statements = NftStatements.Split(NftStatements.Words(text));
        string verdict = "", nat = "";
        string? target = null, comment = null;
        long? packets = null, bytes = null;
        var kept = new List<string>(statements.Count);
        foreach (var statement in statements)
        {
            var words = statement.Split(' ', 3);
            var head = words[0];
            if (head == "comment")
            {
                comment = Unquote(statement["comment".Length..].Trim());
                continue;
            }
            if (head == "counter")
            {
                var parts = statement.Split(' ');
                for (int i = 1; i + 1 < parts.Length; i += 2)
                {
                    if (parts[i] == "packets" && long.TryParse(parts[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var p)) packets = p;
                    if (parts[i] == "bytes" && long.TryParse(parts[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var b)) bytes = b;
                }
            }
            if (Verdicts.Contains(head))
            {
                verdict = head;
                if (head is "jump" or "goto" && words.Length > 1) target = Unquote(words[1]);
            }
            if (NatStatements.Contains(head)) nat = head;
            kept.Add(statement);
        }
        return new NftRule
        {
            Source = source, Node = node, Family = family, Table = table, Chain = chain, Position = position, Text = text,
            Statements = kept, Verdict = verdict, Target = target, Nat = nat, Comment = comment, Packets = packets, Bytes = bytes,
        };
    }

    public static string Unquote(string text) =>
        text.Length >= 2 && text[0] == '"' && text[^1] == '"' ? text[1..^1] : text;
}
