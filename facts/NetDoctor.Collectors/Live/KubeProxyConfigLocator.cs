using System.Text.RegularExpressions;

namespace NetDoctor.Collectors.Live;

/// <summary>
/// Finds the configuration file kube-proxy was started with (`--config`) from a `ps -eo user,pid,ppid,args` listing. kube-proxy
/// usually runs in a container, so the file is looked up through the process's own root (/proc/PID/root/...) first.
/// </summary>
internal static partial class KubeProxyConfigLocator
{
    public static IEnumerable<(int Pid, string Path)> Find(string psOutput)
    {
        foreach (var line in psOutput.Split('\n'))
        {
            var m = KubeProxyLine().Match(line);
            if (!m.Success) continue;
            var config = ConfigFlag().Match(line);
            if (config.Success) yield return (int.Parse(m.Groups["pid"].Value, System.Globalization.CultureInfo.InvariantCulture), config.Groups["path"].Value.Trim('"', '\''));
        }
    }

    /// <summary>
    /// The path as the process sees it: under its own root (absolute) or working directory (relative). Never the host
    /// path of the same name, which may be a different file the process never had.
    /// </summary>
    public static string ThroughProcess(string procRoot, int pid, string path) =>
        path.StartsWith('/') ? $"{procRoot}/{pid}/root{path}" : $"{procRoot}/{pid}/cwd/{path}";

    [GeneratedRegex(@"^\s*\S+\s+(?<pid>\d+)\s+\d+\s+\S*kube-proxy(\s|$)")]
    private static partial Regex KubeProxyLine();

    [GeneratedRegex(@"\s--config(?:=|\s+)(?<path>\S+)")]
    private static partial Regex ConfigFlag();
}
