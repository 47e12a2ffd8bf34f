using Microsoft.Extensions.DependencyInjection;
using NetDoctor.Cli.Commands;
using NetDoctor.Cli.Commands.Explain;
using NetDoctor.Cli.Pipeline;
using NetDoctor.Collectors.Live;
using NetDoctor.Hosting;
using NetDoctor.Cli.Reporting.Text;

namespace NetDoctor.Cli.Composition;

/// <summary>The composition root's one table: every service and command of the CLI.</summary>
public static class CliServices
{
    public static IServiceCollection AddNetDoctorCli(this IServiceCollection services, TextWriter output, TextWriter error, Terminal terminal, bool interactive = false)
    {
        // The shared composition: built-in packs beside the program (or NETDOCTOR_PACKS), C# packs, catalog, bundle reader.
        services.AddNetDoctor(new NetDoctorOptions
        {
            BuiltInPacks = Shipped.Packs,
            // The checkout's rulepacks/ too when the program runs from one, so `vet rulepacks` vets the built-in packs'
            // C# halves as they are in the repository without --trust-csharp.
            BuiltInCSharpDirectories = [Shipped.Packs, .. Shipped.SourceTree is { } tree ? [Path.Combine(tree, "rulepacks")] : Array.Empty<string>()],
        });
        services.AddSingleton(new CliConsole(output, error, terminal, interactive));
        services.AddSingleton<CliConsoleErrors>();
        services.AddSingleton(_ => new LiveCollector());
        services.AddSingleton<LiveSnapshot>();
        services.AddSingleton<FactLoader>();
        services.AddSingleton<PackSet>();

        services.AddSingleton<RunCommand>();
        services.AddSingleton<ICliCommand>(sp => sp.GetRequiredService<RunCommand>());
        services.AddSingleton<ICliCommand, CollectCommand>();
        services.AddSingleton<ICliCommand, FactsCommand>();
        services.AddSingleton<ICliCommand, VetCommand>();
        services.AddSingleton<ICliCommand, PacksCommand>();
        services.AddSingleton<ICliCommand, ExplainCommand>();
        services.AddSingleton<ICliCommand, TypesCommand>();
        services.AddSingleton<ICliCommand, DemoCommand>();
        services.AddSingleton<SamplesCommand>();
        services.AddSingleton<ICliCommand>(sp => sp.GetRequiredService<SamplesCommand>());
        services.AddSingleton<NetDoctorApp>();
        return services;
    }
}
