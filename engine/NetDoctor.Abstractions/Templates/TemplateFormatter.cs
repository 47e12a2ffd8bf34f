using System.Collections;
using System.Globalization;
using NetDoctor.Packs.Types;

namespace NetDoctor.Packs.Templates;

/// <summary>
/// How a slot value reads in a message: invariant culture, facts by their summary, lists comma-separated and capped
/// (a collect over thousands of routes must not turn one message into megabytes).
/// </summary>
public static class TemplateFormatter
{
    public const int MaxListItems = 20;

    public static string Format(object? value) => value switch
    {
        null => "",
        string s => s,
        bool b => b ? "true" : "false",
        NetDoctor.Facts.Fact or DerivedFact or Diagnoses.Diagnosis => FactInfo.Summary(value),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable items => FormatList(items),
        _ => value.ToString() ?? "",
    };

    private static string FormatList(IEnumerable items)
    {
        var shown = new List<string>();
        int total = 0;
        foreach (var item in items)
        {
            if (total++ < MaxListItems) shown.Add(Format(item));
        }
        return string.Join(", ", shown) + (total > MaxListItems ? $" and {total - MaxListItems} more" : "");
    }
}
