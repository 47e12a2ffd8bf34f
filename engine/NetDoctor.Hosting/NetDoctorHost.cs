using Microsoft.Extensions.DependencyInjection;
using NetDoctor.Engine;
using NetDoctor.Packs.Loading;
using NetDoctor.Packs.Testing;

namespace NetDoctor.Hosting;

/// <summary>
/// NetDoctor composed without a host of one's own: <c>NetDoctorHost.Create(new() { BuiltInPacks = "rulepacks" })</c> gives
/// the packs, the C# rules, the catalog and the bundle reader exactly as the CLI composes them (both call
/// <see cref="NetDoctorServices.AddNetDoctor"/>). Tests and benchmarks use this instead of wiring the pieces by hand.
/// </summary>
public sealed class NetDoctorHost : IDisposable
{
    private readonly ServiceProvider _services;

    private NetDoctorHost(ServiceProvider services) => _services = services;

    public static NetDoctorHost Create(NetDoctorOptions options) =>
        new(new ServiceCollection().AddNetDoctor(options).BuildServiceProvider());

    public IServiceProvider Services => _services;

    public NetDoctorPacks Packs => _services.GetRequiredService<NetDoctorPacks>();

    public IFactSource Bundles => Packs.Bundles;

    /// <summary>The built-in packs plus <paramref name="extraDirectories"/>, C# rules included.</summary>
    public LoadedPacks LoadPacks(params string[] extraDirectories) => Packs.LoadAll(extraDirectories);

    /// <summary>A session factory for <paramref name="packs"/> on <paramref name="engine"/>.</summary>
    public static ISessionFactory Compile(LoadedPacks packs, EngineKind engine = EngineKind.Indexed) =>
        RuleRuntimes.Compile(engine, packs.RuleDefinitions);

    public void Dispose() => _services.Dispose();
}
