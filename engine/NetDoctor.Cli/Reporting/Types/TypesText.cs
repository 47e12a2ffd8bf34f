using NetDoctor.Cli.Reporting.Text;
using NetDoctor.Packs.Expressions.Functions;
using NetDoctor.Packs.Types.Reference;

namespace NetDoctor.Cli.Reporting.Types;

/// <summary>`types` for people: one table of every type, or one type's fields; `--functions` the helper table.</summary>
public static class TypesText
{
    public static void All(TextCanvas text, IReadOnlyList<FactTypeEntry> entries)
    {
        var table = new TextTable(new("type"), new("kind"), new("declared by"), new("description", Wraps: true));
        foreach (var e in entries) table.Row(e.Name, e.Kind, DeclaredBy(e.DeclaredBy), e.Description ?? "");
        table.Write(text);
        text.Line();
        text.Wrapped($"{Counted.Of(entries.Count, "fact type")} ({entries.Count(e => e.Kind == "raw")} raw, {entries.Count(e => e.Kind == "derived")} derived). "
            + "'netdoctor types TYPE' shows a type's fields; 'netdoctor types --functions' the helper functions expressions may call.");
    }

    public static void One(TextCanvas text, FactTypeEntry entry)
    {
        text.Line((entry.Name, Style.Bold), ($"  {entry.Kind} fact, {DeclaredBy(entry.DeclaredBy)}", Style.Dim));
        if (entry.Description is { } description) text.Wrapped(description, "  ");
        text.Line();
        var table = new TextTable(new("field"), new("type"), new("json"), new("given"), new("description", Wraps: true));
        foreach (var f in entry.Fields) table.Row(f.Name, f.Type, f.JsonName, Given(f), f.Description ?? "");
        table.Write(text);
        text.Line();
        text.Wrapped(NamingRule);
    }

    public static void Functions(TextCanvas text, IReadOnlyList<HelperFunction> functions)
    {
        var table = new TextTable(new("function"), new("category"), new("description", Wraps: true));
        foreach (var f in functions) table.Row(f.Signature, f.Category, f.Description + (f.Pack is null ? "" : $" (pack {f.Pack})"));
        table.Write(text);
        text.Line();
        text.Wrapped($"{Counted.Of(functions.Count, "function")}. Arguments are written name type; T? may be null, list<T> is any list. Nothing else can be called on these classes.");
    }

    /// <summary>What the "given" column says: whether a test's `given` may set the field.</summary>
    public static string Given(FactFieldEntry field) =>
        field.Settable ? "yes" : field.Name == "Source" ? "test line" : "computed";

    public static string DeclaredBy(DeclaredBy by) => by.ToString();

    /// <summary>The naming rule in one paragraph (also at the top of docs/facts.md).</summary>
    public const string NamingRule =
        "Fields are written as their C# name (the 'field' column) in expressions, templates, tests and waivers; JSON output uses "
        + "the camelCase 'json' name. A test's 'given' accepts either spelling and may set every field marked 'yes'; computed "
        + "fields follow from the others.";
}
