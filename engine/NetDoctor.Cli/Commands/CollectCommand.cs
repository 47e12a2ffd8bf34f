using System.CommandLine;
using System.Runtime.InteropServices;
using NetDoctor.Collectors.Live;
using NetDoctor.Packs.Output;
using Spectre.Console;

namespace NetDoctor.Cli.Commands;

/// <summary>`netdoctor collect`: a read-only snapshot of this node (and the cluster, when reachable) as a bundle to diagnose here or elsewhere.</summary>
public sealed class CollectCommand(LiveCollector collector, CliConsole console) : ICliCommand
{
    public Command Build()
    {
        var output = new Option<string>("--output", "-o") { Description = "Where to write the bundle: a directory, or a file ending in .tar.gz.", Required = true };
        var noCluster = new Option<bool>("--no-cluster") { Description = "Do not contact the Kubernetes API; collect this node only." };
        var nodeName = new Option<string>("--node-name") { Description = "Name of this node in the bundle (default: the host name)." };
        var kubeconfig = new Option<string>("--kubeconfig") { Description = "Kubeconfig for cluster objects (default: KUBECONFIG, ~/.kube/config, or in-cluster)." };
        var command = new Command("collect", "Collect this node's networking state (read-only) and cluster objects into a bundle.")
        {
            output, noCluster, nodeName, kubeconfig,
        };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(output)!;
            if (Directory.Exists(path) && Directory.EnumerateFileSystemEntries(path).Any())
                throw new UsageException($"--output {path}: directory exists and is not empty");
            using var interrupt = CancellationTokenSource.CreateLinkedTokenSource(ct);
            using var signals = InterruptOn(interrupt);
            var result = await collector.CollectAsync(new CollectOptions
            {
                OutputPath = path,
                NoCluster = parse.GetValue(noCluster),
                NodeName = parse.GetValue(nodeName),
                Kubeconfig = parse.GetValue(kubeconfig),
            }, interrupt.Token);

            int ok = result.Commands.Count(c => c.Status == "ok");
            // Node names, commands and their error text come from the machine: escaped like every other output (SafeText).
            console.Ansi.MarkupLine($"Collected node [bold]{Shown(result.NodeName)}[/] into [bold]{Shown(result.OutputPath)}[/]: {result.Files.Count} files, {ok}/{result.Commands.Count} commands ok.");
            foreach (var c in result.Commands.Where(c => c.Status != "ok"))
                console.Ansi.MarkupLine($"  [grey]{Shown(c.Status)}[/] {Shown(c.Command)}: {Shown(c.Reason ?? "")}");
            console.Ansi.MarkupLine($"  cluster: {Shown(result.Cluster.Status)}{(result.Cluster.Reason is { } r ? " (" + Shown(r) + ")" : "")}");
            int redactions = result.Redactions.Values.Sum();
            if (redactions > 0) console.Ansi.MarkupLine($"  {redactions} secret(s) redacted (see manifest.yaml).");
            if (!result.Interrupted) return ExitCodes.Ok;
            console.Ansi.MarkupLine("[yellow]Interrupted[/]: the bundle is partial and its manifest.yaml says so.");
            return ExitCodes.Interrupted;
        });
        return command;
    }

    /// <summary>Machine text as Spectre markup: control and bidi characters escaped visibly, markup brackets literal.</summary>
    private static string Shown(string text) => Markup.Escape(SafeText.Escape(text));

    /// <summary>
    /// Ctrl-C (SIGINT) and SIGTERM cancel <paramref name="interrupt"/>, whatever the host does with signals: collect then
    /// kills what runs and writes its manifest, marked interrupted. Only the first signal is taken here; later ones go to
    /// whatever else handles them.
    /// </summary>
    private static IDisposable InterruptOn(CancellationTokenSource interrupt)
    {
        void Handle(PosixSignalContext context)
        {
            if (interrupt.IsCancellationRequested) return;
            context.Cancel = true;
            interrupt.Cancel();
        }
        var registrations = new List<IDisposable>();
        foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM })
        {
            try
            {
                registrations.Add(PosixSignalRegistration.Create(signal, Handle));
            }
            catch (PlatformNotSupportedException)
            {
            }
        }
        return new Registrations(registrations);
    }

    private sealed class Registrations(List<IDisposable> items) : IDisposable
    {
        public void Dispose() => items.ForEach(i => i.Dispose());
    }
}
