namespace NetDoctor.Cli.Tests;

/// <summary>
/// An external pack in a temporary folder (given with --packs) whose one rule, <c>ext/broken</c>, throws on the routes of
/// any bundle: the condition is the test's parameter. Also a pack whose rules re-activate each other forever.
/// </summary>
public sealed class FailingPack : IDisposable
{
    public const string RuleId = "ext/broken";

    /// <summary>A catastrophic pattern: the 200 ms regex timeout stops it on every route.</summary>
    public const string RegexTimeout = "Regex.IsMatch(\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!\" + r.Device, \"^(a+)+$\")";

    /// <summary>Regex.Match finds nothing, so StartsWith gets a null argument (ArgumentNullException).</summary>
    public const string NullArgument = "\"abc\".StartsWith(Regex.Match(r.Device, \"zzz\"))";

    /// <summary>Six nested loops over the node's 29 routes: stopped by the expression budget (10,000,000 steps or 5 s).</summary>
    public const string OverBudget = "routes.Any(a => routes.Any(b => routes.Any(c => routes.Any(d => routes.Any(e => routes.Any(f => f.Metric < 0))))))";

    private FailingPack(string directory) => Directory = directory;

    public string Directory { get; }

    /// <summary>Rule ext/broken over each Route <c>r</c>, or (for <see cref="OverBudget"/>) over the collect <c>routes</c>.</summary>
    public static FailingPack Throwing(string condition)
    {
        var pack = New("ext");
        var match = condition.Contains("routes.", StringComparison.Ordinal)
            ? "  - collect: {fact: Route, as: route}\n    as: routes\n"
            : "  - fact: Route\n    as: r\n";
        File.WriteAllText(Path.Combine(pack.Directory, "rules", "broken.yaml"),
            $"apiVersion: netdoctor/v1\nkind: Rule\nid: {RuleId}\ntitle: A rule that throws\nseverity: info\nwhen:\n{match}" +
            $"    where: ['{condition.Replace("'", "''", StringComparison.Ordinal)}']\nthen:\n  diagnose:\n    message: 'never'\n");
        return pack;
    }

    /// <summary>
    /// Pack ext with ext/broken (a null argument on every route) and ext/fine (routes on eth0), each with a test where it
    /// fires and one where it does not.
    /// </summary>
    public static FailingPack WithTests()
    {
        var pack = Throwing(NullArgument);
        File.AppendAllText(Path.Combine(pack.Directory, "rules", "broken.yaml"), """
            ---
            apiVersion: netdoctor/v1
            kind: Rule
            id: ext/fine
            title: A rule that works
            when:
              - fact: Route
                as: r
                where: ['r.Device == "eth0"']
            then:
              diagnose:
                message: 'route on {{ r.Device }}'

            """);
        System.IO.Directory.CreateDirectory(Path.Combine(pack.Directory, "tests"));
        string Test(string name, string rule, string device, bool fired) => $"""
            apiVersion: netdoctor/v1
            kind: RuleTest
            name: {name}
            rule: {rule}
            given:
              facts:
                - type: Route
                  node: n1
                  fields: {"{"}Destination: 10.0.0.0/24, Device: {device}{"}"}
            expect:
              fired: {(fired ? "true" : "false")}
            """;
        File.WriteAllText(Path.Combine(pack.Directory, "tests", "tests.yaml"), string.Join("\n---\n",
            Test("broken fires", RuleId, "eth0", true), Test("broken does not fire", RuleId, "eth1", false),
            Test("fine fires", "ext/fine", "eth0", true), Test("fine does not fire", "ext/fine", "eth1", false)));
        return pack;
    }

    /// <summary>The Packs tests' runaway pack: ping and pong derive each other's facts forever once a pool exists.</summary>
    public static FailingPack Runaway()
    {
        var pack = New("runaway", """
            derivedFacts:
              - name: Ping
                fields: {N: int}
              - name: Pong
                fields: {N: int}
            """);
        File.WriteAllText(Path.Combine(pack.Directory, "rules", "loop.yaml"), """
            apiVersion: netdoctor/v1
            kind: Rule
            id: runaway/seed
            title: Every pool starts a ping
            when:
              - fact: IpPool
                as: pool
            then:
              derive: {fact: Ping, fields: {N: "0"}}
            ---
            apiVersion: netdoctor/v1
            kind: Rule
            id: runaway/ping
            title: A ping answers with a pong
            when:
              - fact: Ping
                as: ping
            then:
              derive: {fact: Pong, fields: {N: "ping.N + 1"}}
            ---
            apiVersion: netdoctor/v1
            kind: Rule
            id: runaway/pong
            title: A pong answers with a ping
            when:
              - fact: Pong
                as: pong
            then:
              derive: {fact: Ping, fields: {N: "pong.N + 1"}}
            """);
        return pack;
    }

    private static FailingPack New(string name, string extra = "")
    {
        var dir = Path.Combine(Path.GetTempPath(), $"nd-{name}-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(Path.Combine(dir, "rules"));
        File.WriteAllText(Path.Combine(dir, "pack.yaml"), $"""
            apiVersion: netdoctor/v1
            kind: RulePack
            name: {name}
            version: 0.1.0
            description: written by a test
            {extra}
            """);
        return new FailingPack(dir);
    }

    public void Dispose()
    {
        try { System.IO.Directory.Delete(Directory, recursive: true); }
        catch (IOException) { }
    }
}
