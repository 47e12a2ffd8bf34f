using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NetDoctor.Packs.Testing;

namespace NetDoctor.Hosting;

/// <summary>The composition as DI registrations: what <see cref="NetDoctorHost.Create"/> builds and the CLI extends.</summary>
public static class NetDoctorServices
{
    public static IServiceCollection AddNetDoctor(this IServiceCollection services, NetDoctorOptions options)
    {
        services.AddSingleton(options);
        services.TryAddSingleton<CSharpPacks>();
        services.TryAddSingleton<IFactSource>(_ => new BundleFactSource());
        services.TryAddSingleton<NetDoctorPacks>();
        return services;
    }
}
