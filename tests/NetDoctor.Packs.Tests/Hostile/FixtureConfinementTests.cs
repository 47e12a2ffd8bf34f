using NetDoctor.Packs.Tests.TestFacts;
using NetDoctor.Packs.Vetting;

namespace NetDoctor.Packs.Tests.Hostile;

/// <summary>
/// Issue #13, defect 10: a pack test's fixture bundle must be inside the pack folder. An absolute path, a "..", a
/// symlink (or a symlinked folder on the way, or a symlink inside the fixture) leading out of the pack fails the test
/// with the test's name and the path — and the file is never opened.
/// </summary>
public sealed class FixtureConfinementTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "nd-fixtures-" + Guid.NewGuid().ToString("N")[..12]);

    public FixtureConfinementTests()
    {
        Write("outside/secret/facts.txt", "Route k8s01 10.9.9.0/24\n");
        Write("pack/pack.yaml", """
            apiVersion: netdoctor/v1
            kind: RulePack
            name: fixture
            version: 1.0.0
            description: Tests whose fixtures try to leave the pack.
            maintainers: ["NetDoctor tests"]
            """);
        Write("pack/rules/route.yaml", """
            apiVersion: netdoctor/v1
            kind: Rule
            id: fixture/any-route
            title: Any route
            severity: info
            when:
              - fact: Route
                as: route
            then:
              diagnose:
                message: "{{ route.Destination }}"
            """);
        Write("pack/tests/fixtures/ok/facts.txt", "Route k8s01 10.0.0.0/24\n");
        Directory.CreateSymbolicLink(Combine("pack/tests/fixtures/alias"), Combine("pack/tests/fixtures/ok"));
        Directory.CreateSymbolicLink(Combine("pack/tests/fixtures/link"), Combine("outside/secret"));
        Directory.CreateSymbolicLink(Combine("pack/tests/via"), Combine("outside"));
        Directory.CreateDirectory(Combine("pack/tests/fixtures/holder"));
        File.CreateSymbolicLink(Combine("pack/tests/fixtures/holder/facts.txt"), Combine("outside/secret/facts.txt"));
        Write("pack/tests/routes.yaml", string.Join("---\n", new[]
        {
            Test("absolute", Combine("outside/secret")),
            Test("climbs out", "../../outside/secret"),
            Test("symlink out", "fixtures/link"),
            Test("through a symlinked folder", "via/secret"),
            Test("holds a symlink out", "fixtures/holder"),
            Test("inside", "fixtures/ok"),
            Test("symlink inside", "fixtures/alias"),
        }));
    }

    [Fact]
    public void Fixtures_leaving_the_pack_fail_their_test_and_are_never_read()
    {
        var source = new LineFactSource();

        var report = PackVetter.Vet(Combine("pack"), new VetOptions(TestCatalog.Instance, source));

        var failures = report.Tests.ToDictionary(t => t.Name, t => string.Join(" | ", t.Failures));
        failures["absolute"].ShouldEndWith($"test 'absolute': fixture bundle '{Combine("outside/secret")}' refused: it is an absolute path; a fixture must be inside the pack folder");
        failures["climbs out"].ShouldEndWith($"test 'climbs out': fixture bundle '../../outside/secret' refused: '..' leads out of the pack folder (to {Combine("outside/secret")}); a fixture must be inside the pack folder");
        failures["symlink out"].ShouldEndWith($"test 'symlink out': fixture bundle 'fixtures/link' refused: it is a symlink to {Real("outside/secret")}, outside the pack folder; a fixture must be inside the pack folder");
        failures["through a symlinked folder"].ShouldEndWith($"test 'through a symlinked folder': fixture bundle 'via/secret' refused: it passes through the symlink tests/via to {Real("outside")}, outside the pack folder; a fixture must be inside the pack folder");
        failures["holds a symlink out"].ShouldEndWith($"test 'holds a symlink out': fixture bundle 'fixtures/holder' refused: it holds the symlink facts.txt to {Real("outside/secret/facts.txt")}, outside the pack folder; a fixture must be inside the pack folder");
        failures["inside"].ShouldBeEmpty();
        failures["symlink inside"].ShouldBeEmpty();
        report.Tests.Where(t => !t.Passed).ShouldAllBe(t => t.Failures.Single().Contains("tests/routes.yaml:"));
        source.ReadPaths.ShouldBe([Combine("pack/tests/fixtures/ok"), Combine("pack/tests/fixtures/alias")]);
        report.Passed.ShouldBeFalse();
    }

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); }
        catch (IOException) { }
    }

    private static string Test(string name, string bundle) => $"""
        apiVersion: netdoctor/v1
        kind: RuleTest
        name: {name}
        rule: fixture/any-route
        given:
          bundle: '{bundle}'
        expect:
          fired: true

        """;

    private string Combine(string relative) => Path.Combine(_root, relative);

    /// <summary>The temp folder itself may sit behind a symlink (macOS /var); refusals name real paths.</summary>
    private string Real(string relative) => Path.Combine(new DirectoryInfo(_root).ResolveLinkTarget(true)?.FullName ?? _root, relative);

    private void Write(string relative, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Combine(relative))!);
        File.WriteAllText(Combine(relative), text);
    }
}
