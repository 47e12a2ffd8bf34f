using NetDoctor.Packs.Model;
using YamlDotNet.RepresentationModel;

namespace NetDoctor.Packs.Loading;

/// <summary>
/// Maps schema-valid YAML documents to the pack model, keeping the position of every name and expression.
/// Checks here only what the schema cannot say (e.g. an aggregate needs 'as').
/// </summary>
internal sealed class DocumentReader(PackFile file, List<PackDiagnostic> diagnostics)
{
    public PackDocument ReadPack(YamlMappingNode root)
    {
        var derived = new List<DerivedFactDeclaration>();
        foreach (var node in root.Seq("derivedFacts").OfType<YamlMappingNode>())
        {
            var fields = new List<FieldDeclaration>();
            if (node.Map("fields") is { } fieldMap)
            {
                foreach (var (key, value) in fieldMap.Children)
                    fields.Add(new FieldDeclaration(((YamlScalarNode)key).Value ?? "", ((YamlScalarNode)value).Value ?? "", file.At(value)));
            }

            derived.Add(new DerivedFactDeclaration(node.String("name") ?? "", node.String("description"), fields, file.At(node.Get("name") ?? node)));
        }
        return new PackDocument(
            root.String("name") ?? "",
            root.String("version") ?? "",
            root.String("description"),
            root.Strings("maintainers"),
            derived,
            file.At(root))
        {
            Requires = root.Seq("requires").Select(ReadRequirement).ToList(),
            CSharp = root.Map("csharp") is { } csharp && csharp.Scalar("project") is { } project
                ? new CSharpProjectDeclaration(project.Value ?? "", file.At(project))
                : null,
        };
    }

    private RequirementDeclaration ReadRequirement(YamlNode node) => node switch
    {
        YamlScalarNode name => new RequirementDeclaration(name.Value ?? "", null, file.At(name)),
        YamlMappingNode map => new RequirementDeclaration(map.String("name") ?? "", map.String("version"), file.At(map.Get("name") ?? map)),
        _ => new RequirementDeclaration("", null, file.At(node)),
    };

    public RuleDocument? ReadRule(YamlMappingNode root)
    {
        int before = diagnostics.Count;
        var when = root.Seq("when").OfType<YamlMappingNode>().Select(ReadElement).OfType<WhenElement>().ToList();
        var then = root.Map("then")!;
        DeriveAction? derive = then.Map("derive") is { } d ? ReadDerive(d) : null;
        DiagnoseAction? diagnose = then.Map("diagnose") is { } g ? ReadDiagnose(g) : null;
        var lets = root.Map("let") is { } letMap
            ? letMap.Children.Select(kv => new LetDocument(((YamlScalarNode)kv.Key).Value!, file.At(kv.Key), file.Expr((YamlScalarNode)kv.Value))).ToList()
            : [];
        if (diagnostics.Count != before) return null;
        return new RuleDocument(
            root.String("id")!,
            root.String("title")!,
            root.String("severity") ?? "info",
            root.Int("priority") ?? 0,
            root.Strings("tags"),
            root.String("description"),
            root.Strings("references"),
            when,
            derive,
            diagnose,
            file.At(root),
            file.At(root.Get("id")!),
            root.Get("severity") is { } s ? file.At(s) : file.At(root)) { Lets = lets };
    }

    public RuleTestDocument ReadTest(YamlMappingNode root, int index)
    {
        var given = root.Map("given")!;
        var facts = given.Seq("facts").OfType<YamlMappingNode>().Select(f => new GivenFact(
            f.String("type")!,
            file.At(f.Get("type")!),
            f.String("node"),
            f.Map("fields"),
            file.At(f))).ToList();
        var expect = root.Map("expect")!;
        string rule = root.String("rule")!;
        return new RuleTestDocument(
            root.String("name") ?? $"{rule} #{index}",
            rule,
            file.At(root.Get("rule")!),
            facts,
            given.String("bundle"),
            new TestExpectation(expect.Bool("fired"), expect.Int("count"), expect.String("messageContains"), expect.Strings("evidenceIncludes"), expect.String("remediationContains"))
            {
                Diagnoses = expect.Get("diagnoses") is YamlSequenceNode d ? d.Children.OfType<YamlMappingNode>().Select(ReadExpectedDiagnosis).ToList() : null,
                Derives = expect.Get("derives") is YamlSequenceNode v ? v.Children.OfType<YamlMappingNode>().Select(ReadExpectedDerive).ToList() : null,
            },
            file.At(root));
    }

    private ExpectedDiagnosis ReadExpectedDiagnosis(YamlMappingNode node) => new(
        node.String("rule"),
        node.KeyNode("node") is not null,
        NullableScalar(node.Scalar("node")),
        node.String("severity"),
        node.String("title"),
        node.String("message"),
        node.String("messageMatches"),
        node.Get("remediation") is YamlSequenceNode steps
            ? steps.Children.OfType<YamlMappingNode>().Select(s => new ExpectedStep(s.String("description") ?? "", s.String("command"))).ToList()
            : null,
        file.At(node));

    private ExpectedDerivedFact ReadExpectedDerive(YamlMappingNode node) => new(
        node.String("fact")!,
        node.KeyNode("node") is not null,
        NullableScalar(node.Scalar("node")),
        node.Map("fields") is { } fields
            ? fields.Children.Select(kv => (((YamlScalarNode)kv.Key).Value ?? "", NullableScalar(kv.Value as YamlScalarNode) ?? "null", file.At(kv.Key))).ToList()
            : [],
        file.At(node));

    /// <summary>A plain `~`, `null` or empty scalar is YAML's null; a quoted one is the text.</summary>
    private static string? NullableScalar(YamlScalarNode? node) =>
        node is null || (node.Style == YamlDotNet.Core.ScalarStyle.Plain && node.Value is null or "" or "~" or "null") ? null : node.Value;

    private WhenElement? ReadElement(YamlMappingNode node)
    {
        var mark = file.At(node);
        if (node.Get("fact") is not null) return ReadPattern(node);
        if (node.Map("forall") is { } all)
        {
            foreach (string key in new[] { "as", "where" })
            {
                if (node.KeyNode(key) is { } misplaced)
                    Error(file.At(misplaced), $"'{key}' of a 'forall' element belongs inside it: forall: {{fact: ..., {key}: ..., require: [...]}}");
            }

            return new ForAllDocument(ReadPattern(all), all.Seq("require").OfType<YamlScalarNode>().Select(file.Expr).ToList(), mark);
        }
        foreach (string wrapper in new[] { "not", "exists" })
        {
            if (node.Map(wrapper) is not { } inner) continue;
            foreach (string key in new[] { "as", "where" })
            {
                if (node.KeyNode(key) is { } misplaced)
                    Error(file.At(misplaced), $"'{key}' of a '{wrapper}' element belongs inside it: {wrapper}: {{fact: ..., {key}: ...}}");
            }

            var pattern = ReadPattern(inner);
            return wrapper == "not" ? new NotDocument(pattern, mark) : new ExistsDocument(pattern, mark);
        }
        foreach (var (key, form) in new[] { ("collect", AggregateForm.Collect), ("count", AggregateForm.Count), ("groupBy", AggregateForm.GroupBy) })
        {
            if (node.Map(key) is not { } inner) continue;
            if (node.Scalar("as") is not { } asNode)
            {
                Error(mark, $"a '{key}' element needs 'as': the name its result is bound to");
                return null;
            }
            var source = ReadPattern(inner);
            return new AggregateDocument(
                form,
                source,
                inner.Scalar("key") is { } k ? file.Expr(k) : null,
                inner.Scalar("element") is { } e ? file.Expr(e) : null,
                asNode.Value!,
                file.At(asNode),
                Conditions(node),
                mark);
        }
        return null;
    }

    private PatternDocument ReadPattern(YamlMappingNode node)
    {
        var factNode = node.Scalar("fact")!;
        string fact = factNode.Value!;
        var asNode = node.Scalar("as");
        return new PatternDocument(
            fact,
            file.At(factNode),
            asNode?.Value ?? DefaultBinding(fact),
            asNode is null ? file.At(factNode) : file.At(asNode),
            Conditions(node),
            file.At(node));
    }

    private List<Expr> Conditions(YamlMappingNode node) =>
        node.Seq("where").OfType<YamlScalarNode>().Select(file.Expr).ToList();

    private DeriveAction ReadDerive(YamlMappingNode node)
    {
        var fields = new List<FieldAssignment>();
        foreach (var (key, value) in node.Map("fields")!.Children)
            fields.Add(new FieldAssignment(((YamlScalarNode)key).Value!, file.At(key), file.Expr((YamlScalarNode)value)));
        var factNode = node.Scalar("fact")!;
        return new DeriveAction(factNode.Value!, file.At(factNode), fields, file.At(node));
    }

    private DiagnoseAction ReadDiagnose(YamlMappingNode node)
    {
        var evidence = node.Get("evidence") is YamlSequenceNode seq
            ? seq.Children.OfType<YamlScalarNode>().Select(s => (s.Value ?? "", file.At(s))).ToList()
            : null;
        var remediation = node.Seq("remediation").OfType<YamlMappingNode>()
            .Select(r => new RemediationDocument(file.Expr(r.Scalar("description")!), r.Scalar("command") is { } c ? file.Expr(c) : null))
            .ToList();
        var outcomes = node.Seq("outcomes").OfType<YamlMappingNode>()
            .Select(o => new OutcomeDocument(o.Scalar("when") is { } w ? file.Expr(w) : null, file.Expr(o.Scalar("message")!), file.At(o)))
            .ToList();
        var message = node.Scalar("message") is { } m ? file.Expr(m) : null;
        return new DiagnoseAction(message, evidence, remediation, node.Strings("references"), file.At(node)) { Outcomes = outcomes };
    }

    /// <summary>IpPool -> ipPool, BGPPeer -> bgpPeer: the binding name when a pattern has no 'as'.</summary>
    public static string DefaultBinding(string typeName)
    {
        int upper = 0;
        while (upper < typeName.Length && char.IsUpper(typeName[upper])) upper++;
        // Keep the last capital of an acronym when a lowercase letter follows it (BGPPeer -> bgpPeer).
        if (upper > 1 && upper < typeName.Length) upper--;
        return typeName[..upper].ToLowerInvariant() + typeName[upper..];
    }

    private void Error(SourceMark mark, string message) =>
        diagnostics.Add(new PackDiagnostic(DiagnosticSeverity.Error, DiagnosticCodes.Schema, mark, message));
}
