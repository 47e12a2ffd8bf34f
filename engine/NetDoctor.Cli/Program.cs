using NetDoctor.Cli;

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
return await CliHost.RunAsync(args, Console.Out, Console.Error, interactive: !Console.IsOutputRedirected, cancel.Token);
