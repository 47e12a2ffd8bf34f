using System.Text.RegularExpressions;
using NetDoctor.Cli.Commands;
using NetDoctor.Engine;
using NetDoctor.Packs.Inputs;
using NetDoctor.Packs.Loading;
using NetDoctor.Packs.Model;
using NRules.RuleModel;

namespace NetDoctor.Cli.Pipeline;

/// <summary>
/// `run --skip ID --only ID --disable-pack NAME`: which rules are compiled at all. --skip and --only select diagnose
/// rules by id or glob (`calico/*`); helper rules (derive only) then run exactly when a kept diagnose rule needs what
/// they derive. A helper a kept rule needs cannot be skipped by its exact id (a usage error names the rules that need
/// it); a glob that also covers it leaves it running. --disable-pack removes a pack's rules, helpers included; a rule of
/// another pack that needs a fact only that pack derives is named in a problem (and reported as not evaluated).
/// Ids, globs and pack names that match nothing loaded are usage errors with a did-you-mean.
/// </summary>
public sealed record RuleSelection(IReadOnlyList<string> Skip, IReadOnlyList<string> Only, IReadOnlyList<string> DisabledPacks)
{
    /// <summary>The packs with only the selected rules, and a problem line per rule a disabled pack leaves without input.</summary>
    public (LoadedPacks Packs, IReadOnlyList<(string Source, string Message)> Problems) Apply(LoadedPacks packs)
    {
        if (Skip.Count == 0 && Only.Count == 0 && DisabledPacks.Count == 0) return (packs, []);
        var allIds = packs.RuleDefinitions.Select(r => r.Id()).ToList();
        foreach (var (option, pattern) in Skip.Select(p => ("--skip", p)).Concat(Only.Select(p => ("--only", p))))
        {
            if (!allIds.Any(id => Matches(pattern, id)))
                throw new UsageException($"{option} {pattern}: {(IsGlob(pattern) ? "matches no loaded rule" : "no loaded rule has this id")}{Hint(pattern, allIds)}; `netdoctor packs` lists them");
        }

        var packNames = packs.Packs.Select(p => p.Name).Concat(packs.ExtraRules.Select(r => r.Pack()).OfType<string>()).Distinct().ToList();
        foreach (string name in DisabledPacks)
        {
            if (!packNames.Contains(name, StringComparer.Ordinal))
                throw new UsageException($"--disable-pack {name}: no such pack{DidYouMean.Hint(name, packNames)}; loaded: {string.Join(", ", packNames)}");
        }

        // A disabled pack is gone from the report's pack list too, not listed with no rules.
        var enabled = Without(packs with { Packs = packs.Packs.Where(p => !DisabledPacks.Contains(p.Name, StringComparer.Ordinal)).ToList() },
            r => DisabledPacks.Contains(r.Pack() ?? "", StringComparer.Ordinal));
        var diagnosing = RuleRoles.Diagnosing(enabled).ToHashSet();
        var kept = diagnosing.Where(r => Selected(r.Id())).ToHashSet();
        var inputs = new RuleInputs(enabled.RuleDefinitions);
        var helpers = inputs.HelpersOf(kept);
        foreach (string pattern in Skip.Where(p => !IsGlob(p)))
        {
            if (helpers.FirstOrDefault(h => h.Id() == pattern) is { } helper)
            {
                throw new UsageException($"--skip {pattern}: it derives {string.Join(", ", RuleRoles.Produces(helper).Select(t => t.Name))}, which " +
                    $"{string.Join(", ", kept.Where(k => inputs.HelpersOf([k]).Contains(helper)).Select(k => k.Id()).Order(StringComparer.Ordinal))} need; skip those too, or disable its pack");
            }
        }

        // Without --skip/--only every enabled rule runs; with them, diagnose rules as selected plus the helpers they need
        // (and helpers named by --only, which the user asked for).
        bool filtering = Skip.Count > 0 || Only.Count > 0;
        var selected = Without(enabled, r => filtering && !(kept.Contains(r) || helpers.Contains(r) || (!diagnosing.Contains(r) && Only.Any(p => Matches(p, r.Id())))));
        return (selected, DisabledInputs(packs, enabled, kept));
    }

    /// <summary>Kept rules that match a derived type which only a disabled pack's rules derive.</summary>
    private IReadOnlyList<(string, string)> DisabledInputs(LoadedPacks all, LoadedPacks enabled, IEnumerable<IRuleDefinition> kept)
    {
        if (DisabledPacks.Count == 0) return [];
        var before = new RuleInputs(all.RuleDefinitions);
        var after = new RuleInputs(enabled.RuleDefinitions);
        var problems = new List<(string, string)>();
        foreach (var rule in kept.OrderBy(r => r.Id(), StringComparer.Ordinal))
        {
            foreach (var type in RuleRoles.Uses(rule).Concat(after.HelpersOf([rule]).SelectMany(RuleRoles.Uses)).Distinct())
            {
                if (after.Producers(type).Any()) continue;
                var packsOf = before.Producers(type).Select(p => p.Pack()).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
                if (packsOf.Count == 0) continue;
                problems.Add(($"--disable-pack {string.Join(",", packsOf)}", $"{rule.Id()} needs {type.Name} facts, which only the disabled pack {string.Join(", ", packsOf)} derives: it cannot fire"));
            }
        }
        return problems;
    }

    private bool Selected(string id) => (Only.Count == 0 || Only.Any(p => Matches(p, id))) && !Skip.Any(p => Matches(p, id));

    private static LoadedPacks Without(LoadedPacks packs, Func<IRuleDefinition, bool> drop) => packs with
    {
        Packs = packs.Packs.Select(p => p with { Rules = p.Rules.Where(r => !drop(r.Definition)).ToList(), CSharpRules = p.CSharpRules.Where(r => !drop(r)).ToList() }).ToList(),
        ExtraRules = packs.ExtraRules.Where(r => !drop(r)).ToList(),
    };

    public static bool IsGlob(string pattern) => pattern.IndexOfAny(['*', '?']) >= 0;

    /// <summary>An id, or a glob where `*` is any run of characters (also across '/') and `?` one character.</summary>
    public static bool Matches(string pattern, string id) =>
        IsGlob(pattern)
            ? Regex.IsMatch(id, "^" + Regex.Escape(pattern).Replace(@"\*", ".*").Replace(@"\?", ".") + "$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1))
            : string.Equals(pattern, id, StringComparison.Ordinal);

    private static string Hint(string pattern, IReadOnlyList<string> ids) =>
        IsGlob(pattern)
            ? DidYouMean.Hint(pattern.TrimEnd('*', '/'), ids.Select(id => id.Split('/')[0]).Distinct())
            : DidYouMean.Hint(pattern, ids);
}
