using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace NetDoctor.Engine.Composition;

public static class EngineServiceCollectionExtensions
{
    /// <summary>
    /// Registers a singleton <see cref="ISessionFactory"/> compiled (on first resolve) from the rules configured
    /// here plus every registered <see cref="IRuleSource"/>. May be called several times; the rules add up.
    /// </summary>
    public static IServiceCollection AddNetDoctorEngine(this IServiceCollection services, Action<EngineBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var builder = new EngineBuilder();
        configure?.Invoke(builder);
        services.AddSingleton(new EngineRegistration(builder));
        services.TryAddSingleton<RuleCompiler>();
        services.TryAddSingleton<ISessionFactory>(sp =>
        {
            var rules = sp.GetServices<EngineRegistration>().SelectMany(r => r.Builder.Resolve(sp))
                .Concat(sp.GetServices<IRuleSource>().SelectMany(s => s.GetRules()));
            return sp.GetRequiredService<RuleCompiler>().Compile(rules);
        });
        return services;
    }

    private sealed record EngineRegistration(EngineBuilder Builder);
}
