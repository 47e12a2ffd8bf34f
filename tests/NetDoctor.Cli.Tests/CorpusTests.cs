namespace NetDoctor.Cli.Tests;

/// <summary>
/// The public-report corpus (Corpus/&lt;category&gt;/&lt;case&gt;/paste-N.txt + case.yaml) through
/// `netdoctor run --bundle &lt;folder&gt; --format json`. The accuracy table in docs/accuracy.md must be what this build
/// produces (NETDOCTOR_UPDATE_ACCURACY=1 rewrites it), and healthy / other-cause cases must yield nothing at error or
/// above. The 90% target for hard cases is shown in the table, not asserted yet.
/// </summary>
public class CorpusTests
{
    private static readonly Lazy<Task<IReadOnlyList<CorpusResult>>> Results = new(RunAll);

    private static async Task<IReadOnlyList<CorpusResult>> RunAll()
    {
        var results = new List<CorpusResult>();
        foreach (var c in Corpus.Load()) results.Add(await Corpus.Run(c));
        return results;
    }

    [Fact]
    public void Every_case_is_well_formed()
    {
        var cases = Corpus.Load();
        var known = Corpus.KnownRuleIds();
        var problems = new List<string>();
        foreach (var c in cases)
        {
            string folderCategory = Path.GetFileName(Path.GetDirectoryName(c.Directory))!;
            if (c.Category != folderCategory) problems.Add($"{c.Id}: category {c.Category} but folder {folderCategory}");
            if (!c.Source.StartsWith("https://", StringComparison.Ordinal) && !c.Source.StartsWith("seed:shared/seeds/", StringComparison.Ordinal))
                problems.Add($"{c.Id}: source is neither an address nor a seed write-up");
            if (string.IsNullOrWhiteSpace(c.Title)) problems.Add($"{c.Id}: no title");
            if (c.Grade is not ("hard" or "soft")) problems.Add($"{c.Id}: grade '{c.Grade}' is neither hard nor soft");
            if (c.Pastes.Count == 0) problems.Add($"{c.Id}: no paste-N.txt");
            for (int i = 0; i < c.Pastes.Count; i++)
                if (c.Pastes[i] != $"paste-{i + 1}.txt") problems.Add($"{c.Id}: pastes are not numbered paste-1.txt, paste-2.txt, …");
            foreach (var id in c.MustFire.Concat(c.MustNotFire))
                if (!known.Contains(id)) problems.Add($"{c.Id}: rule id {id} is not in the built-in packs (use needs: for a missing rule)");
            if (c.ExpectsNoFault && c.MustFire.Count > 0) problems.Add($"{c.Id}: a {c.Category} case expects no diagnosis to fire");
            if (c.IsHard && !c.ExpectsNoFault && c.MustFire.Count == 0 && c.Needs.Count == 0)
                problems.Add($"{c.Id}: a hard case with no mustFire must say what it needs");
            var extra = Directory.GetFiles(c.Directory).Select(Path.GetFileName)
                .Where(f => f != "case.yaml" && !c.Pastes.Contains(f!)).ToList();
            if (extra.Count > 0) problems.Add($"{c.Id}: unexpected files {string.Join(", ", extra)}");
        }
        problems.ShouldBeEmpty();
        cases.Count.ShouldBeGreaterThanOrEqualTo(30);
        cases.Select(c => c.Source).Distinct().Count().ShouldBe(cases.Count, "each case is its own report");
    }

    [Fact]
    public async Task Healthy_and_other_cause_cases_have_no_diagnosis_at_error_or_above()
    {
        var results = await Results.Value;
        var serious = results
            .Where(r => r.Case.ExpectsNoFault && r.Serious.Count > 0)
            .Select(r => $"{r.Case.Id}: {string.Join(", ", r.Serious)}")
            .ToList();
        serious.ShouldBeEmpty();
    }

    [Fact]
    public async Task Accuracy_table_is_current()
    {
        var results = await Results.Value;
        var table = Corpus.RenderAccuracy(results);
        if (Environment.GetEnvironmentVariable("NETDOCTOR_UPDATE_ACCURACY") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Corpus.AccuracyFile)!);
            await File.WriteAllTextAsync(Corpus.AccuracyFile, table);
            return;
        }
        File.Exists(Corpus.AccuracyFile).ShouldBeTrue(
            "docs/accuracy.md is missing: run NETDOCTOR_UPDATE_ACCURACY=1 dotnet test tests/NetDoctor.Cli.Tests --filter Corpus");
        var checkedIn = (await File.ReadAllTextAsync(Corpus.AccuracyFile)).Replace("\r\n", "\n");
        checkedIn.ShouldBe(table,
            "docs/accuracy.md is not what this build produces: run NETDOCTOR_UPDATE_ACCURACY=1 dotnet test tests/NetDoctor.Cli.Tests --filter Corpus and commit it");
    }
}
