using System.Reflection;
using NRules.Fluent;
using NRules.RuleModel;

namespace NetDoctor.Rules.Calico;

/// <summary>
/// The C# half of the built-in calico pack. Hosts register it with
/// <c>services.AddNetDoctorEngine(b => b.AddRulesFrom(CalicoCSharpPack.Assembly))</c>, next to the pack's YAML rules.
/// </summary>
public static class CalicoCSharpPack
{
    /// <summary>The pack these rules belong to (rule ids start with "calico/").</summary>
    public const string Name = "calico";

    public static Assembly Assembly => typeof(CalicoCSharpPack).Assembly;

    /// <summary>Every rule of this assembly, in id order, loaded with NRules' <see cref="RuleRepository"/> (for hosts without DI).</summary>
    public static IReadOnlyList<IRuleDefinition> Rules()
    {
        var repository = new RuleRepository();
        repository.Load(spec => spec.From(Assembly));
        return [.. repository.GetRuleSets().SelectMany(s => s.Rules).OrderBy(r => r.Name, StringComparer.Ordinal)];
    }
}
