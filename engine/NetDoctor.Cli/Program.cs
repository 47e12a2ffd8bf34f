using NetDoctor.Cli;
using NetDoctor.Packs.Timing;

PhaseTimings.Start();

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
int exit = await CliHost.RunAsync(args, Console.Out, Console.Error, interactive: !Console.IsOutputRedirected, cancel.Token);
PhaseTimings.Report(Console.Error);
return exit;
