using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace NetDoctor.Collectors.Live;

/// <summary>
/// Renders manifest.yaml: whether the collection finished, tool, time, host, node, every command with its file, exit
/// code, duration and failure reason, copied files, cluster objects and redactions per file. The collector writes a
/// first manifest saying `collection: {status: incomplete}` before anything else and replaces it when it is done, so a
/// bundle left by a killed collection says so when it is read back instead of reading as a healthy node.
/// </summary>
internal static class ManifestWriter
{
    public const string FileName = "manifest.yaml";

    public const string Complete = "complete";
    public const string Incomplete = "incomplete";
    public const string Interrupted = "interrupted";

    /// <summary>The manifest written first: the bundle is incomplete until the final one replaces it.</summary>
    public static string RenderStarted(DateTimeOffset time, string host, string node, string toolVersion) =>
        Header + Serializer().Serialize(new Dictionary<string, object?>
        {
            ["collection"] = Collection(Incomplete),
            ["tool"] = Tool(toolVersion),
            ["time"] = Time(time),
            ["host"] = host,
            ["node"] = node,
        });

    public static string Render(CollectResult result, string toolVersion, IReadOnlyList<string> commandPrefix)
    {
        var manifest = new Dictionary<string, object?>
        {
            ["collection"] = Collection(result.Status),
            ["tool"] = Tool(toolVersion),
            ["time"] = Time(result.Time),
            ["host"] = result.Host,
            ["node"] = result.NodeName,
        };
        if (commandPrefix.Count > 0) manifest["commandPrefix"] = string.Join(' ', commandPrefix);
        manifest["commands"] = result.Commands.Select(c => Compact(new()
        {
            ["id"] = c.Id,
            ["command"] = c.Command,
            ["file"] = c.File,
            ["status"] = c.Status,
            ["exitCode"] = c.ExitCode,
            ["durationMs"] = c.Status == "skipped" ? null : c.DurationMs,
            ["reason"] = c.Reason,
        })).ToList();
        manifest["copiedFiles"] = result.CopiedFiles.Select(f => Compact(new()
        {
            ["file"] = f.File,
            ["from"] = f.From,
            ["status"] = f.Status,
            ["reason"] = f.Reason,
        })).ToList();
        manifest["cluster"] = Compact(new()
        {
            ["status"] = result.Cluster.Status,
            ["reason"] = result.Cluster.Reason,
            ["objects"] = result.Cluster.Objects.Count == 0 ? null : result.Cluster.Objects.Select(o => Compact(new()
            {
                ["file"] = o.File,
                ["count"] = o.Error is null ? o.Count : null,
                ["error"] = o.Error,
            })).ToList(),
        });
        manifest["redactions"] = result.Redactions.OrderBy(r => r.Key, StringComparer.Ordinal)
            .Select(r => new Dictionary<string, object?> { ["file"] = r.Key, ["count"] = r.Value }).ToList();

        return Header + Serializer().Serialize(manifest);
    }

    private const string Header = "# What `netdoctor collect` gathered on this host, what failed and why. Secrets were redacted before writing.\n";

    private static Dictionary<string, object?> Collection(string status) => Compact(new()
    {
        ["status"] = status,
        ["note"] = status switch
        {
            Incomplete => "written when collect started and replaced when it ends: collect was killed or failed, so any file may be missing",
            Interrupted => "stopped by Ctrl-C (SIGINT) or SIGTERM: commands still running were killed, and what was not collected yet is missing",
            _ => null,
        },
    });

    private static Dictionary<string, object?> Tool(string version) => new() { ["name"] = "netdoctor", ["version"] = version };

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    private static ISerializer Serializer() => new SerializerBuilder()
        .WithNamingConvention(NullNamingConvention.Instance)
        .WithQuotingNecessaryStrings()
        .Build();

    private static Dictionary<string, object?> Compact(Dictionary<string, object?> map) =>
        map.Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => kv.Value);
}
