using System.Xml;
using System.Xml.Schema;
using NJsonSchema;

namespace NetDoctor.Cli.Tests;

/// <summary>
/// The real validators of what CI tools consume: the OASIS SARIF 2.1.0 JSON Schema, Jenkins xunit's junit-10.xsd and
/// Apache Ant's JUnit XSD, read from Fixtures/schemas (sources in the README there).
/// </summary>
public static class Schemas
{
    private static readonly string Dir = Path.Combine(AppContext.BaseDirectory, "Fixtures", "schemas");
    private static readonly Lazy<JsonSchema> Sarif = new(() => JsonSchema.FromFileAsync(Path.Combine(Dir, "sarif-schema-2.1.0.json")).GetAwaiter().GetResult());

    public static readonly string[] JUnitSchemas = ["junit-10.xsd", "ant-junit.xsd"];

    /// <summary>Violations of the SARIF 2.1.0 schema, one line each ("path: kind"); empty when valid.</summary>
    public static IReadOnlyList<string> SarifErrors(string json) =>
        Sarif.Value.Validate(json).Select(e => $"{e.Path}: {e.Kind} {e.Property}").ToList();

    /// <summary>Violations of one JUnit XSD (warnings included: an element the schema does not know is one).</summary>
    public static IReadOnlyList<string> JUnitErrors(string xml, string xsd)
    {
        var errors = new List<string>();
        var set = new XmlSchemaSet();
        using (var schema = XmlReader.Create(Path.Combine(Dir, xsd))) set.Add(null, schema);
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = set };
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
        settings.ValidationEventHandler += (_, e) => errors.Add($"{xsd}:{e.Exception?.LineNumber}:{e.Exception?.LinePosition}: {e.Severity}: {e.Message}");
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        while (reader.Read()) { }
        return errors;
    }

    public static void ShouldBeValidSarif(string json, string what) =>
        SarifErrors(json).ShouldBeEmpty($"{what} is not valid SARIF 2.1.0");

    public static void ShouldBeValidJUnit(string xml, string what)
    {
        foreach (string xsd in JUnitSchemas) JUnitErrors(xml, xsd).ShouldBeEmpty($"{what} does not validate against {xsd}");
    }
}
