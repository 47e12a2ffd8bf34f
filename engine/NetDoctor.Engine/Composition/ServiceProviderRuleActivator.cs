using Microsoft.Extensions.DependencyInjection;
using NRules.Fluent;
using NRules.Fluent.Dsl;

namespace NetDoctor.Engine.Composition;

/// <summary>
/// NRules' <see cref="IRuleActivator"/> over Microsoft.Extensions.DependencyInjection (NRules' own integration package
/// is not available): a rule class is constructed with its constructor's services, registered or not.
/// </summary>
public sealed class ServiceProviderRuleActivator(IServiceProvider services) : IRuleActivator
{
    public IEnumerable<Rule> Activate(Type type)
    {
        yield return (Rule)ActivatorUtilities.CreateInstance(services, type);
    }
}
