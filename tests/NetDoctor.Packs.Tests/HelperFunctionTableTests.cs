using System.Linq.Expressions;
using System.Reflection;
using NetDoctor.Packs.Expressions;
using NetDoctor.Packs.Expressions.Functions;
using NetDoctor.Packs.Model;
using NetDoctor.Packs.Tests.TestFacts;
using static NetDoctor.Packs.Expressions.Functions.HelperFunctions;

namespace NetDoctor.Packs.Tests;

/// <summary>Helpers a pack contributes: one listed in the table, one deliberately left out of it.</summary>
public static class Probe
{
    public static bool Listed(string? text) => text is not null;

    public static bool Unlisted(string? text) => text is null;
}

/// <summary>
/// The one table of helper functions: it is complete for the shared helpers, the sandbox lets nothing else be called,
/// and a pack can contribute rows of its own.
/// </summary>
public class HelperFunctionTableTests
{
    private static readonly ParameterExpression[] Scope = [Expression.Parameter(typeof(IpPool), "pool")];

    private static readonly HelperFunctions WithProbe =
        HelperFunctions.BuiltIn.With([Function(() => Probe.Listed(default), "test", "True for any text.", "probe-pack")]);

    [Fact]
    public void Every_public_helper_method_has_a_row_with_a_description()
    {
        var classes = new[] { typeof(Expressions.Helpers.Net), typeof(Expressions.Helpers.Text), typeof(Expressions.Helpers.Regex) };
        var methods = classes.SelectMany(c => c.GetMethods(BindingFlags.Public | BindingFlags.Static));

        methods.Where(m => !HelperFunctions.BuiltIn.Contains(m)).Select(m => m.ToString()).ShouldBeEmpty();
        HelperFunctions.BuiltIn.All.ShouldAllBe(f => f.Description.Length > 10 && f.Category.Length > 0);
    }

    [Fact]
    public void The_shared_table_holds_no_pack_helpers()
    {
        // The Calico chain-name helpers are the calico pack's (its C# half contributes them); see Rules.Calico.Tests.
        HelperFunctions.BuiltIn.All.ShouldNotContain(f => f.Name.StartsWith("Calico.", StringComparison.Ordinal));
        HelperFunctions.BuiltIn.All.ShouldAllBe(f => f.Pack == null);
    }

    [Fact]
    public void A_row_shows_its_signature_in_the_reference_words()
    {
        var contains = HelperFunctions.BuiltIn.All.First(f => f.Name == "Net.Contains");
        contains.Signature.ShouldBe("Net.Contains(network Cidr, address IPAddress?) bool");
        HelperFunctions.BuiltIn.All.First(f => f.Name == "Text.StartsWithAny").Signature.ShouldBe("Text.StartsWithAny(s string?, prefixes list<string>...) bool");
    }

    [Fact]
    public void A_contributed_function_can_be_called()
    {
        var sandbox = new ExpressionSandbox(TestCatalog.Instance, functions: WithProbe);

        sandbox.Parse(Scope, "Probe.Listed(pool.Name)").Body.Type.ShouldBe(typeof(bool));
        WithProbe.All.Last().Pack.ShouldBe("probe-pack");
    }

    [Fact]
    public void A_helper_missing_from_the_table_is_rejected_at_load_time()
    {
        var sandbox = new ExpressionSandbox(TestCatalog.Instance, functions: WithProbe);

        var error = Should.Throw<ExpressionError>(() => sandbox.Parse(Scope, "Probe.Unlisted(pool.Name)"));
        error.Message.ShouldBe("'Probe.Unlisted' is not in the table of helper functions (netdoctor types --functions lists them)");
        error.Code.ShouldBe(DiagnosticCodes.Sandbox);
    }

    [Fact]
    public void Without_its_row_a_shared_helper_cannot_be_called_either()
    {
        var withoutIsCidr = HelperFunctions.None.With(HelperFunctions.BuiltIn.All.Where(f => f.Name != "Net.IsCidr"));
        var sandbox = new ExpressionSandbox(TestCatalog.Instance, functions: withoutIsCidr);

        sandbox.Parse(Scope, "Net.IsIPv4(pool.Cidr.Address)").Body.Type.ShouldBe(typeof(bool));
        Should.Throw<ExpressionError>(() => sandbox.Parse(Scope, "Net.IsCidr(pool.Name)")).Message
            .ShouldBe("'Net.IsCidr' is not in the table of helper functions (netdoctor types --functions lists them)");
    }

    [Fact]
    public void A_contributed_class_may_not_take_a_shared_class_name()
    {
        Should.Throw<ArgumentException>(() => HelperFunctions.BuiltIn.With([Function(() => Fake.Net.IsCidr(default), "x", "A second Net.")]))
            .Message.ShouldContain("helper class name 'Net' is already taken");
    }
}
