using System.Diagnostics;
using System.Linq.Expressions;
using NetDoctor.Packs.Expressions;
using NetDoctor.Packs.Model;
using NetDoctor.Packs.Tests.TestFacts;

namespace NetDoctor.Packs.Tests;

/// <summary>Rule expressions reach fact types and the helpers, and nothing else: no IO, reflection, processes or clocks.</summary>
public class SandboxTests
{
    private static readonly ExpressionSandbox Sandbox = new(TestCatalog.Instance);
    private static readonly ParameterExpression[] Scope = [Expression.Parameter(typeof(IpPool), "pool")];

    [Theory]
    [InlineData("System.IO.File.ReadAllText(\"/etc/passwd\") != \"\"", "'System.IO.File' is not available in rule expressions: only bindings, fact types and the helpers Net, Text and Regex can be used")]
    [InlineData("System.IO.File.Exists(\"/etc/passwd\")", "'System.IO.File' is not available in rule expressions: only bindings, fact types and the helpers Net, Text and Regex can be used")]
    [InlineData("Type.GetType(\"System.IO.File\") != null", "'Type' is not available in rule expressions: only bindings, fact types and the helpers Net, Text and Regex can be used")]
    [InlineData("\"\".GetType().Assembly != null", "'GetType' is not allowed in rule expressions (no reflection)")]
    [InlineData("pool.GetType().Name == \"IpPool\"", "'GetType' is not allowed in rule expressions (no reflection)")]
    [InlineData("pool.Cidr.Address.GetType() != null", "'GetType' is not allowed in rule expressions (no reflection)")]
    [InlineData("Activator.CreateInstance(null) != null", "'Activator' is not available in rule expressions: only bindings, fact types and the helpers Net, Text and Regex can be used")]
    [InlineData("System.Diagnostics.Process.Start(\"ls\") != null", "'System.Diagnostics.Process' is not available in rule expressions: only bindings, fact types and the helpers Net, Text and Regex can be used")]
    [InlineData("AppDomain.CurrentDomain != null", "'AppDomain' is not available in rule expressions: only bindings, fact types and the helpers Net, Text and Regex can be used")]
    [InlineData("Environment.GetEnvironmentVariable(\"HOME\") != null", "'Environment' is not available in rule expressions: only bindings, fact types and the helpers Net, Text and Regex can be used")]
    [InlineData("DateTime.Now > DateTime.MinValue", "'DateTime.Now' reads the clock or the environment, which rule expressions cannot: a diagnosis must not depend on when or where the bundle is read")]
    [InlineData("Guid.NewGuid() != Guid.Empty", "'Guid.NewGuid' reads the clock or the environment, which rule expressions cannot: a diagnosis must not depend on when or where the bundle is read")]
    [InlineData("pool.Name.GetHashCode() > 0", "'GetHashCode' is not allowed in rule expressions (no reflection)")]
    [InlineData("Regex.IsMatch(pool.Name, \"(unclosed\")", "invalid regular expression '(unclosed': Invalid pattern '(unclosed' at offset 9. Not enough )'s.")]
    public void Forbidden_expression_is_rejected_at_load_time(string expression, string message)
    {
        var error = Should.Throw<ExpressionError>(() => Sandbox.Parse(Scope, expression));

        error.Message.ShouldBe(message);
        error.Code.ShouldBeOneOf(DiagnosticCodes.Sandbox, DiagnosticCodes.TypeCheck);
    }

    [Theory]
    [InlineData("new (pool.Name as N) != null")]
    [InlineData("it.Name == \"x\"")]
    public void Dynamic_linq_escape_hatches_are_off(string expression) =>
        Should.Throw<ExpressionError>(() => Sandbox.Parse(Scope, expression));

    [Theory]
    [InlineData("Net.Contains(pool.Cidr, Net.ParseIp(\"192.168.1.1\"))")]
    [InlineData("Net.Overlaps(pool.Cidr, Net.ParseCidr(\"192.168.0.0/24\"))")]
    [InlineData("pool.Cidr.Contains(Net.ParseCidr(\"192.168.1.0/24\"))")]
    [InlineData("pool.Cidr.PrefixLength <= 16 && pool.Cidr.IsIPv4")]
    [InlineData("Regex.IsMatch(pool.Name, \"^default-\")")]
    [InlineData("Text.ContainsIgnoreCase(pool.Name, \"IPV4\")")]
    [InlineData("pool.Name.StartsWith(\"default\") && pool.Cidr.ToString() == \"192.168.0.0/16\"")]
    [InlineData("Math.Max(pool.Cidr.PrefixLength, 8) == 16")]
    public void Allowed_expression_parses_and_evaluates(string expression)
    {
        var lambda = Sandbox.Parse(Scope, expression);
        var pool = new IpPool { Source = new NetDoctor.Facts.Source("x", 1), Name = "default-ipv4-ippool", Cidr = NetDoctor.Facts.Cidr.Parse("192.168.0.0/16") };

        lambda.Compile().DynamicInvoke(pool).ShouldBe(true);
    }

    [Fact]
    public void Catastrophic_regex_times_out_instead_of_hanging()
    {
        var clock = Stopwatch.StartNew();

        Should.Throw<System.Text.RegularExpressions.RegexMatchTimeoutException>(
            () => NetDoctor.Packs.Expressions.Helpers.Regex.IsMatch(new string('a', 50_000) + "!", "^(a+)+$"));
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));
    }
}
