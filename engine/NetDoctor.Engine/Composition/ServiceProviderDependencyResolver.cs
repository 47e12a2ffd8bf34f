using NRules.Extensibility;

namespace NetDoctor.Engine.Composition;

/// <summary>NRules' <see cref="IDependencyResolver"/> over an <see cref="IServiceProvider"/>: what <c>Dependency().Resolve</c> gets on the NRules runtime.</summary>
public sealed class ServiceProviderDependencyResolver(IServiceProvider services) : IDependencyResolver
{
    public object Resolve(IResolutionContext context, Type serviceType) =>
        services.GetService(serviceType)
        ?? throw new InvalidOperationException($"Rule '{context.Rule.Name}' depends on {serviceType.Name}, which no service provider of this session supplies.");
}
