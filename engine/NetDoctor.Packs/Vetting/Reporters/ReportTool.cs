using System.Reflection;

namespace NetDoctor.Packs.Vetting.Reporters;

/// <summary>The program a machine report names as its author (SARIF's tool.driver, JUnit's properties).</summary>
/// <param name="Version">A semantic version without build metadata, e.g. 0.1.0.</param>
/// <param name="InformationUri">Where to read about the tool; empty when unknown.</param>
public sealed record ReportTool(string Name, string Version, string InformationUri = "")
{
    /// <summary>This library's own version: what vet reports when the caller does not say which program ran it.</summary>
    public static ReportTool Default { get; } = new("netdoctor",
        typeof(ReportTool).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0");
}
