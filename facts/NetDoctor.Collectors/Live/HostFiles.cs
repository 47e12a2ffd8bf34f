using NetDoctor.Collectors.Live.Files;

namespace NetDoctor.Collectors.Live;

/// <summary>
/// The files collect copies from the host rather than from a command's output: kube-proxy's configuration and the
/// networking pods' container logs. Both are named by something collect does not control (a process's command line,
/// the kubelet's log folder), so both are read only as regular files, bounded in size and time.
/// </summary>
internal static class HostFiles
{
    /// <summary>
    /// kube-proxy's --config file, read through the process's own root (it usually runs in a container) — only when the
    /// process runs as root or as the kube-proxy user (<see cref="ProcessOwner"/>), and only a regular file of bounded size
    /// read within a timeout (<see cref="RegularFileReader"/>): the command line is anyone's to write, the file is root's to read.
    /// </summary>
    public static async Task CopyKubeProxyConfig(string processes, string node, CollectOptions options, RedactingWriter writer,
        List<CopiedFileRecord> copied, CancellationToken cancellationToken)
    {
        string file = $"{node}/kube-proxy-config.yaml";
        foreach (var (pid, path) in KubeProxyConfigLocator.Find(processes).Take(1))
        {
            if (ProcessOwner.Distrust(options.ProcRoot, pid, "kube-proxy", options.PasswdFile) is { } distrust)
            {
                copied.Add(new CopiedFileRecord(file, path, "skipped", distrust));
                continue;
            }
            string candidate = KubeProxyConfigLocator.ThroughProcess(options.ProcRoot, pid, path);
            var outcome = await RegularFileReader.ReadAsync(candidate, options.MaxConfigBytes, options.ConfigReadTimeout, cancellationToken).ConfigureAwait(false);
            if (outcome.Text is { } text)
            {
                writer.Write(file, text);
                copied.Add(new CopiedFileRecord(file, candidate, "ok", null));
            }
            else
            {
                copied.Add(new CopiedFileRecord(file, path, "failed", outcome.Error));
            }
        }
    }

    public static async Task CopyPodLogs(string node, CollectOptions options, RedactingWriter writer, List<CopiedFileRecord> copied, CancellationToken cancellationToken)
    {
        await foreach (var (log, source, error) in PodLogCollector.Collect(options.PodLogDirectory, options.MaxLogBytes, options.ConfigReadTimeout, cancellationToken).ConfigureAwait(false))
        {
            if (log is null)
            {
                copied.Add(new CopiedFileRecord("", source, "failed", error));
                continue;
            }
            writer.Write($"{node}/{log.BundlePath}", log.Text);
            copied.Add(new CopiedFileRecord($"{node}/{log.BundlePath}", source, "ok", null));
        }
    }
}
