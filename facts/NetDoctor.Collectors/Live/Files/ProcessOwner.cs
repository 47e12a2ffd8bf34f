using System.Globalization;

namespace NetDoctor.Collectors.Live.Files;

/// <summary>
/// Who a process runs as, from /proc/PID/status (its real, effective, saved and filesystem uids). Any local user can
/// start a process whose command line says <c>kube-proxy --config=/etc/shadow</c>; collect runs as root, so it only
/// trusts a component's command line when every uid of the process is root's or the component's own user's. (The
/// owner of /proc/PID itself is not used: a process can make it root's by turning off its dumpable flag.)
/// </summary>
internal static class ProcessOwner
{
    /// <summary>Null when the process is trusted; otherwise why not.</summary>
    public static string? Distrust(string procRoot, int pid, string component, string passwdFile)
    {
        string status = $"{procRoot}/{pid}/status";
        string[] lines;
        try
        {
            lines = File.ReadAllLines(status);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return $"cannot tell who runs process {pid} ({status}: {ex.Message})";
        }
        var uids = lines.FirstOrDefault(l => l.StartsWith("Uid:", StringComparison.Ordinal))?[4..]
            .Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries)
            .Select(u => long.TryParse(u, NumberStyles.None, CultureInfo.InvariantCulture, out long n) ? n : -1)
            .ToList();
        if (uids is null || uids.Count == 0 || uids.Contains(-1))
            return $"cannot tell who runs process {pid} (no Uid line in {status})";
        long? own = UserId(passwdFile, component);
        if (uids.All(u => u == 0 || u == own)) return null;
        return $"process {pid} runs as uid {string.Join('/', uids.Distinct())}, neither root nor the {component} user; "
            + "a file named on its command line is not read";
    }

    /// <summary>The uid of <paramref name="user"/> in a passwd(5) file, or null.</summary>
    internal static long? UserId(string passwdFile, string user)
    {
        try
        {
            foreach (string line in File.ReadLines(passwdFile))
            {
                var fields = line.Split(':');
                if (fields.Length > 2 && fields[0] == user && long.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out long uid)) return uid;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }
        return null;
    }
}
