using NetDoctor.Packs.Loading;
using NetDoctor.Packs.Tests.TestFacts;

namespace NetDoctor.Packs.Tests.Hostile;

/// <summary>
/// A one-rule pack written to a temporary folder, for rules an attacker would write: the condition is the test's
/// parameter, so each test shows the whole hostile expression next to what it expects.
/// </summary>
internal sealed class HostilePack : IDisposable
{
    public const string Name = "hostile";

    private HostilePack(string directory) => Directory = directory;

    public string Directory { get; }

    /// <summary>Rule <c>hostile/rule</c>: a collect of every Route as <c>routes</c>, filtered by <paramref name="where"/>, diagnosing with <paramref name="message"/>.</summary>
    public static HostilePack OverRoutes(string where, string message = "found")
    {
        var pack = new HostilePack(System.IO.Path.Combine(System.IO.Path.GetTempPath(), "nd-hostile-" + Guid.NewGuid().ToString("N")[..12]));
        System.IO.Directory.CreateDirectory(System.IO.Path.Combine(pack.Directory, "rules"));
        File.WriteAllText(System.IO.Path.Combine(pack.Directory, "pack.yaml"), $"""
            apiVersion: netdoctor/v1
            kind: RulePack
            name: {Name}
            version: 1.0.0
            description: Rules written to exhaust the evaluator.
            maintainers: ["NetDoctor tests"]
            """);
        File.WriteAllText(System.IO.Path.Combine(pack.Directory, "rules", "rule.yaml"), $"""
            apiVersion: netdoctor/v1
            kind: Rule
            id: {Name}/rule
            title: Hostile
            severity: info
            when:
              - collect:
                  fact: Route
                  as: route
                as: routes
                where: ['{where.Replace("'", "''", StringComparison.Ordinal)}']
            then:
              diagnose:
                message: '{message.Replace("'", "''", StringComparison.Ordinal)}'
            """);
        return pack;
    }

    /// <summary>Line and column (1-based) where the `where` expression starts in rules/rule.yaml.</summary>
    public const int WhereLine = 11, WhereColumn = 14;

    public LoadedPacks Load() => PackLoader.Load(Directory, TestCatalog.Instance);

    public static IReadOnlyList<Route> Routes(int count, string? device = "eth0") =>
        Enumerable.Range(0, count).Select(i => new Route
        {
            Source = new NetDoctor.Facts.Source("k8s01/ip-route.txt", i + 1),
            Node = "k8s01",
            Destination = NetDoctor.Facts.Cidr.Parse($"10.{i / 256}.{i % 256}.0/24"),
            Device = device,
            Metric = i + 1,
        }).ToList();

    public void Dispose()
    {
        try { System.IO.Directory.Delete(Directory, recursive: true); }
        catch (IOException) { }
    }
}
