using System.Reflection;

namespace NetDoctor.Cli.Reporting;

/// <summary>Who wrote a report: name, version and where to read about the tool, as every machine format states them.</summary>
public static class ToolIdentity
{
    public const string Name = "netdoctor";

    /// <summary>The informational version without build metadata ("0.1.0").</summary>
    public static string Version { get; } =
        typeof(ToolIdentity).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    /// <summary>The project's home page, set at build time from the project's PackageProjectUrl (see NetDoctor.Cli.csproj).</summary>
    public static string InformationUri { get; } =
        typeof(ToolIdentity).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "ProjectUrl")?.Value ?? "";

    public static ToolInfo Info => new(Name, Version) { InformationUri = InformationUri };
}
