using System.Linq.Expressions;
using System.Reflection;
using System.Text.RegularExpressions;
using NetDoctor.Packs.Expressions;
using NetDoctor.Packs.Loading;
using NetDoctor.Packs.Tests.TestFacts;

namespace NetDoctor.Packs.Tests;

/// <summary>
/// The sandbox parses first without Dynamic LINQ's runtime enums (their lookup scans five framework assemblies), then
/// with them when that fails: an expression naming one parses as it always did, and no name the built-in packs use
/// means something else for it.
/// </summary>
public partial class RuntimeEnumTests
{
    private static readonly ParameterExpression[] Scope = [Expression.Parameter(typeof(IpPool), "pool")];

    [Fact]
    public void An_expression_naming_a_runtime_enum_still_parses()
    {
        var sandbox = new ExpressionSandbox(TestCatalog.Instance);

        var lambda = sandbox.Parse(Scope, "pool.Name.Equals(\"A\", StringComparison.OrdinalIgnoreCase)");

        lambda.Body.Type.ShouldBe(typeof(bool));
        var pool = new IpPool { Source = new NetDoctor.Facts.Source("pools.yaml", 1), Name = "a", Cidr = NetDoctor.Facts.Cidr.Parse("10.0.0.0/16") };
        ((Func<IpPool, bool>)lambda.Compile())(pool).ShouldBeTrue();
    }

    [Fact]
    public void No_type_or_lambda_parameter_of_the_built_in_packs_has_the_name_of_a_runtime_enum()
    {
        string builtIn = Path.Combine(Fixtures.RepoRoot, "rulepacks");
        var packs = PackLoader.LoadAll([builtIn], new PackLoadOptions());
        var lambdaParameters = Directory.EnumerateFiles(builtIn, "*.yaml", SearchOption.AllDirectories)
            .SelectMany(f => LambdaParameter().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value));

        var names = packs.Sandbox.TypeNames.Concat(lambdaParameters).ToHashSet(StringComparer.Ordinal);

        names.Count.ShouldBeGreaterThan(50);
        names.Where(RuntimeEnumNames.Contains).ShouldBeEmpty();
    }

    /// <summary>What Dynamic LINQ 1.7 resolves when runtime enums are on (case-insensitively): every public enum of these assemblies, and StringComparer.</summary>
    private static HashSet<string> RuntimeEnumNames { get; } =
        new Assembly[]
        {
            typeof(StringComparer).Assembly, typeof(UriFormat).Assembly, typeof(System.Xml.XmlNodeType).Assembly,
            typeof(System.Xml.Linq.XObject).Assembly, typeof(System.Runtime.Serialization.DataContractResolver).Assembly,
        }
        .SelectMany(a => a.GetTypes().Where(t => t.IsPublic && t.IsEnum))
        .Select(t => t.Name)
        .Append(nameof(StringComparer))
        .ToHashSet(StringComparer.OrdinalIgnoreCase);

    [GeneratedRegex(@"\b([A-Za-z_][A-Za-z0-9_]*)\s*=>")]
    private static partial Regex LambdaParameter();
}
