using System.Text;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace NetDoctor.Cli.Tests;

/// <summary>One public report of the corpus: its pasted blocks (paste-N.txt) and what case.yaml expects of them.</summary>
public sealed record CorpusCase(
    string Category,
    string Slug,
    string Directory,
    string Source,
    string Title,
    string Grade,
    IReadOnlyList<string> MustFire,
    IReadOnlyList<string> MustNotFire,
    IReadOnlyList<string> Needs,
    IReadOnlyList<string> Pastes)
{
    public string Id => Category + "/" + Slug;
    public bool IsHard => Grade == "hard";

    /// <summary>healthy and other-cause cases must yield nothing at error or above.</summary>
    public bool ExpectsNoFault => Category is "healthy" or "other-cause";
}

/// <summary>What NetDoctor said about one case, and whether that is right.</summary>
public sealed record CorpusResult(
    CorpusCase Case,
    IReadOnlyList<(string RuleId, string Severity)> Diagnoses,
    IReadOnlyList<string> NotRead,
    IReadOnlyList<string> LineProblems)
{
    public IReadOnlySet<string> Fired => Diagnoses.Select(d => d.RuleId).ToHashSet();

    /// <summary>Diagnoses at error or above.</summary>
    public IReadOnlyList<string> Serious =>
        Diagnoses.Where(d => d.Severity is "error" or "critical").Select(d => d.RuleId).Distinct().Order().ToList();

    /// <summary>Error-or-above diagnoses the case does not expect: false positives.</summary>
    public IReadOnlyList<string> FalsePositives => Serious.Where(id => !Case.MustFire.Contains(id)).ToList();

    public IReadOnlyList<string> MissingRules => Case.MustFire.Where(id => !Fired.Contains(id)).ToList();

    public IReadOnlyList<string> ForbiddenFired => Case.MustNotFire.Where(id => Fired.Contains(id)).ToList();

    /// <summary>
    /// Right: every must-fire rule fired, no must-not-fire rule fired, no false positive at error or above; a case of a
    /// fault category whose diagnosis needs a rule that does not exist (empty mustFire) is never right.
    /// </summary>
    public bool Right =>
        MissingRules.Count == 0 && ForbiddenFired.Count == 0 && FalsePositives.Count == 0
        && (Case.ExpectsNoFault || Case.MustFire.Count > 0);

    public string Reason()
    {
        var parts = new List<string>();
        if (!Case.ExpectsNoFault && Case.MustFire.Count == 0) parts.Add("no rule for this cause");
        if (MissingRules.Count > 0) parts.Add("did not fire " + string.Join(", ", MissingRules.Select(r => "`" + r + "`")));
        if (ForbiddenFired.Count > 0) parts.Add("fired " + string.Join(", ", ForbiddenFired.Select(r => "`" + r + "`")) + " (must not)");
        if (FalsePositives.Count > 0) parts.Add("false positive at error+ " + string.Join(", ", FalsePositives.Select(r => "`" + r + "`")));
        if (NotRead.Count > 0) parts.Add("not read: " + string.Join(", ", NotRead));
        if (Case.Needs.Count > 0) parts.Add("needs: " + string.Join("; ", Case.Needs));
        return string.Join(" — ", parts);
    }
}

public static class Corpus
{
    public static readonly string[] Categories =
        ["calico-ippool", "calico-bgp", "calico-policy", "kube-proxy", "node-routing", "calico-node", "healthy", "other-cause"];

    public static string Root => Path.Combine(Repo.Root, "tests", "NetDoctor.Cli.Tests", "Corpus");

    public static string AccuracyFile => Path.Combine(Repo.Root, "docs", "accuracy.md");

    public static IReadOnlyList<CorpusCase> Load()
    {
        var cases = new List<CorpusCase>();
        foreach (var category in Categories)
        {
            var dir = Path.Combine(Root, category);
            if (!System.IO.Directory.Exists(dir)) continue;
            foreach (var caseDir in System.IO.Directory.GetDirectories(dir).Order(StringComparer.Ordinal))
                cases.Add(LoadCase(category, caseDir));
        }
        return cases;
    }

    private static CorpusCase LoadCase(string folderCategory, string dir)
    {
        var yamlPath = Path.Combine(dir, "case.yaml");
        var stream = new YamlStream();
        using (var reader = new StreamReader(yamlPath)) stream.Load(reader);
        var root = (YamlMappingNode)stream.Documents[0].RootNode;

        string Scalar(string key) =>
            root.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode s ? s.Value ?? "" : "";
        IReadOnlyList<string> List(string key) =>
            root.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlSequenceNode seq
                ? seq.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? "").ToList()
                : [];

        var pastes = System.IO.Directory.GetFiles(dir, "paste-*.txt")
            .Select(Path.GetFileName)
            .OrderBy(f => int.Parse(Regex.Match(f!, @"\d+").Value))
            .ToList();

        return new CorpusCase(
            Category: Scalar("category") is { Length: > 0 } c ? c : folderCategory,
            Slug: Path.GetFileName(dir),
            Directory: dir,
            Source: Scalar("source"),
            Title: Scalar("title"),
            Grade: Scalar("grade"),
            MustFire: List("mustFire"),
            MustNotFire: List("mustNotFire"),
            Needs: List("needs"),
            Pastes: pastes!);
    }

    /// <summary>
    /// Runs a case as `netdoctor run --bundle &lt;folder&gt; --format json` on a copy of its folder that holds only the
    /// pasted files (case.yaml is metadata, not evidence). The copy is named after the case, so the node name a loose
    /// folder gets is the case's slug either way.
    /// </summary>
    public static async Task<CorpusResult> Run(CorpusCase c)
    {
        var work = Path.Combine(Path.GetTempPath(), "netdoctor-corpus-" + Environment.ProcessId, c.Category, c.Slug);
        if (System.IO.Directory.Exists(work)) System.IO.Directory.Delete(work, recursive: true);
        System.IO.Directory.CreateDirectory(work);
        foreach (var paste in c.Pastes) File.Copy(Path.Combine(c.Directory, paste), Path.Combine(work, paste));

        var result = await Cli.Run("run", "--bundle", work, "--format", "json", "--fail-on", "critical");
        try
        {
            if (result.ExitCode == 2 || string.IsNullOrWhiteSpace(result.Out))
                return new CorpusResult(c, [], c.Pastes.Select(p => p + " (no input could be read)").ToList(), []);
            var json = result.Json;
            var diagnoses = json["diagnoses"]!.AsArray()
                .Select(d => ((string)d!["ruleId"]!, (string)d["severity"]!))
                .Distinct()
                .OrderBy(d => d.Item1, StringComparer.Ordinal)
                .ToList();
            var notRead = new List<string>();
            var lineProblems = new List<string>();
            foreach (var p in json["problems"]?.AsArray() ?? [])
            {
                var source = (string?)p!["source"] ?? "";
                var message = (string?)p["message"] ?? "";
                if (!source.Contains(':'))
                    notRead.Add(source + " (" + ShortReason(message) + ")");
                else
                    lineProblems.Add(source);
            }
            return new CorpusResult(c, diagnoses, notRead.Order(StringComparer.Ordinal).ToList(), lineProblems);
        }
        finally
        {
            System.IO.Directory.Delete(work, recursive: true);
        }
    }

    private static string ShortReason(string message)
    {
        if (message.StartsWith("unrecognised file", StringComparison.Ordinal)) return "no parser recognises it";
        var colon = message.IndexOf(':');
        return colon > 0 ? message[..colon] : message;
    }

    /// <summary>Every rule id the built-in packs define (YAML rules and the C# rules of the calico pack).</summary>
    public static IReadOnlySet<string> KnownRuleIds()
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var packs = Path.Combine(Repo.Root, "rulepacks");
        foreach (var file in System.IO.Directory.GetFiles(packs, "*.yaml", SearchOption.AllDirectories)
                     .Where(f => f.Contains(Path.DirectorySeparatorChar + "rules" + Path.DirectorySeparatorChar)))
        {
            foreach (Match m in Regex.Matches(File.ReadAllText(file), @"(?m)^id:\s*(\S+)\s*$"))
                ids.Add(m.Groups[1].Value);
        }

        foreach (var file in System.IO.Directory.GetFiles(packs, "*.cs", SearchOption.AllDirectories)
                     .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar)))
        {
            foreach (Match m in Regex.Matches(File.ReadAllText(file), @"\[Name\(""([^""]+)""\)\]"))
                ids.Add(m.Groups[1].Value);
        }

        return ids;
    }

    /// <summary>The accuracy table as docs/accuracy.md holds it (deterministic: no timings, cases in folder order).</summary>
    public static string RenderAccuracy(IReadOnlyList<CorpusResult> results)
    {
        var sb = new StringBuilder();
        sb.Append("# Corpus accuracy\n\n");
        sb.Append("Public reports of Calico, kube-proxy and node-routing failures (and look-alikes), each kept as the exact blocks its\n");
        sb.Append("author pasted, run through `netdoctor run --bundle <folder> --format json`. Sources and how to add a case:\n");
        sb.Append("[tests/NetDoctor.Cli.Tests/Corpus/README.md](../tests/NetDoctor.Cli.Tests/Corpus/README.md).\n\n");
        sb.Append("Generated by `tests/NetDoctor.Cli.Tests/CorpusTests.cs`; `NETDOCTOR_UPDATE_ACCURACY=1 dotnet test tests/NetDoctor.Cli.Tests\n");
        sb.Append("--filter Corpus` rewrites it, and the test fails when this file differs from what the current build produces.\n\n");
        sb.Append("- **hard**: the pasted files prove the root cause; **soft**: partial evidence (shown, not counted in the accuracy).\n");
        sb.Append("- **right**: every `mustFire` rule fired, no `mustNotFire` rule fired, and nothing else at error or above. A case whose\n");
        sb.Append("  cause has no rule yet (`mustFire: []` in a fault category) is never right.\n");
        sb.Append("- **false positives**: cases with a diagnosis at error or above that the case does not expect.\n\n");

        sb.Append("| category | hard right / total | soft right / total | false positives (error+) |\n");
        sb.Append("|---|---|---|---|\n");
        int hr = 0, ht = 0, sr = 0, st = 0, fp = 0;
        foreach (var category in Categories)
        {
            var inCat = results.Where(r => r.Case.Category == category).ToList();
            if (inCat.Count == 0) continue;
            var hard = inCat.Where(r => r.Case.IsHard).ToList();
            var soft = inCat.Where(r => !r.Case.IsHard).ToList();
            int catFp = inCat.Count(r => r.FalsePositives.Count > 0);
            sb.Append($"| {category} | {hard.Count(r => r.Right)} / {hard.Count} | {soft.Count(r => r.Right)} / {soft.Count} | {catFp} |\n");
            hr += hard.Count(r => r.Right); ht += hard.Count; sr += soft.Count(r => r.Right); st += soft.Count; fp += catFp;
        }
        sb.Append($"| **all** | **{hr} / {ht}**{Percent(hr, ht)} | {sr} / {st} | **{fp}** |\n\n");

        var healthyFaults = results.Where(r => r.Case.ExpectsNoFault && r.Serious.Count > 0).ToList();
        sb.Append($"Error-or-above diagnoses on healthy and other-cause cases: **{healthyFaults.Count}** (required: 0).\n\n");

        sb.Append("## Misses among hard cases\n\n");
        var hardMisses = results.Where(r => r.Case.IsHard && !r.Right).ToList();
        if (hardMisses.Count == 0) sb.Append("None.\n");
        foreach (var r in hardMisses)
            sb.Append($"- `{r.Case.Id}` ({SourceText(r.Case.Source)}): {r.Reason()}\n");
        sb.Append('\n');

        sb.Append("## Misses among soft cases\n\n");
        var softMisses = results.Where(r => !r.Case.IsHard && !r.Right).ToList();
        if (softMisses.Count == 0) sb.Append("None.\n");
        foreach (var r in softMisses)
            sb.Append($"- `{r.Case.Id}` ({SourceText(r.Case.Source)}): {r.Reason()}\n");
        sb.Append('\n');

        sb.Append("## Every case\n\n");
        sb.Append("| case | grade | must fire | fired at error+ | result |\n");
        sb.Append("|---|---|---|---|---|\n");
        foreach (var r in results)
        {
            string mustFire = r.Case.MustFire.Count == 0 ? (r.Case.ExpectsNoFault ? "(nothing at error+)" : "(no rule yet)") : string.Join(", ", r.Case.MustFire);
            string serious = r.Serious.Count == 0 ? "—" : string.Join(", ", r.Serious);
            sb.Append($"| {CaseLink(r.Case)} | {r.Case.Grade} | {mustFire} | {serious} | {(r.Right ? "right" : "miss")} |\n");
        }
        return sb.ToString();
    }

    private static string SourceText(string source) =>
        source.StartsWith("seed:", StringComparison.Ordinal) ? "seed write-up " + source["seed:".Length..] : source;

    private static string CaseLink(CorpusCase c) =>
        c.Source.StartsWith("https://", StringComparison.Ordinal) ? $"[{c.Id}]({c.Source})" : $"{c.Id} (seed)";

    private static string Percent(int right, int total) => total == 0 ? "" : $" ({100.0 * right / total:0}%)";
}
