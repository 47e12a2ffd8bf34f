using System.Reflection;
using NetDoctor.Engine.Fluent;
using NetDoctor.Engine.RuleModel;

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

    /// <summary>Every rule of this assembly, in id order (for hosts that do not use dependency injection).</summary>
    public static IReadOnlyList<RuleDefinition> Rules() =>
        Assembly.GetTypes()
            .Where(t => typeof(Rule).IsAssignableFrom(t) && !t.IsAbstract)
            .Select(t => ((Rule)Activator.CreateInstance(t)!).GetDefinition())
            .OrderBy(d => d.Metadata.Id, StringComparer.Ordinal)
            .ToList();
}
