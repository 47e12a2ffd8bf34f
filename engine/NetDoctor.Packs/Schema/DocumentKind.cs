namespace NetDoctor.Packs.Schema;

/// <summary>The three kinds of pack document and the schema file that describes each.</summary>
public enum DocumentKind
{
    RulePack,
    Rule,
    RuleTest,
}

public static class DocumentKinds
{
    public const string ApiVersion = "netdoctor/v1";

    public static string SchemaFile(DocumentKind kind) => kind switch
    {
        DocumentKind.RulePack => "pack.schema.json",
        DocumentKind.Rule => "rule.schema.json",
        _ => "ruletest.schema.json",
    };

    public static bool TryParse(string? text, out DocumentKind kind) => Enum.TryParse(text, ignoreCase: false, out kind) && Enum.IsDefined(kind);
}
