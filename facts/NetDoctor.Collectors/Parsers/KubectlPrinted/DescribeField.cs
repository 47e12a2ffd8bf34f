using System.Text.RegularExpressions;

namespace NetDoctor.Collectors.Parsers.KubectlPrinted;

/// <summary>
/// One "Key:  value" of `kubectl describe` output and what is indented under it: fields ("  InternalIP:  10.0.0.1",
/// a container's "    State:  Running") and every raw line (the rows of "Events:" and "Conditions:", the further labels
/// of "Labels:"), each with its line number.
/// </summary>
internal sealed partial class DescribeField(string key, string value, int line, int indent)
{
    public string Key { get; } = key;
    public string Value { get; } = value;
    public int Line { get; } = line;
    public int Indent { get; } = indent;
    public List<DescribeField> Fields { get; } = [];
    public List<(int Line, string Text)> Lines { get; } = [];

    public DescribeField? this[string key] => Fields.FirstOrDefault(f => f.Key == key);

    /// <summary>The value and the values of the lines under it: the entries of "Labels:", "Annotations:", "Tolerations:".</summary>
    public IEnumerable<(int Line, string Text)> Entries()
    {
        if (Value.Length > 0 && !PrintedValues.IsAbsent(Value)) yield return (Line, Value);
        foreach (var (line, text) in Lines) yield return (line, text.Trim());
    }

    /// <summary>Splits "Key:  value" ("Restart Count:  3", "projectcalico.org/IPv4Address: 10.0.0.1/24"); null for a line that is no field.</summary>
    public static (string Key, string Value)? Split(string trimmed)
    {
        var m = FieldRegex().Match(trimmed);
        return m.Success ? (m.Groups[1].Value, m.Groups[2].Value.Trim()) : null;
    }

    // A key is words separated by single blanks (table rows have wider gaps), then ':' and a blank, a tab or the end.
    [GeneratedRegex(@"^([A-Za-z][A-Za-z0-9._/()-]*(?: [A-Za-z0-9._/()-]+){0,4}):(?:[ \t]+(.*)|)$")]
    private static partial Regex FieldRegex();
}
