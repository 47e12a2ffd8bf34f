using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace NetDoctor.Collectors.Live;

/// <summary>Renders manifest.yaml: tool, time, host, node, every command with its file, exit code, duration and failure reason, copied files, cluster objects and redactions per file.</summary>
internal static class ManifestWriter
{
    public const string FileName = "manifest.yaml";

    public static string Render(CollectResult result, string toolVersion, IReadOnlyList<string> commandPrefix)
    {
        var manifest = new Dictionary<string, object?>
        {
            ["tool"] = new Dictionary<string, object?> { ["name"] = "netdoctor", ["version"] = toolVersion },
            ["time"] = result.Time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"),
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

        var serializer = new SerializerBuilder()
            .WithNamingConvention(NullNamingConvention.Instance)
            .WithQuotingNecessaryStrings()
            .Build();
        return "# What `netdoctor collect` gathered on this host, what failed and why. Secrets were redacted before writing.\n"
            + serializer.Serialize(manifest);
    }

    private static Dictionary<string, object?> Compact(Dictionary<string, object?> map) =>
        map.Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => kv.Value);
}
