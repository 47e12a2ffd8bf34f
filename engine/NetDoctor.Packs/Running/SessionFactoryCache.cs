using NetDoctor.Engine;
using NetDoctor.Packs.Loading;
using NetDoctor.Packs.Timing;

namespace NetDoctor.Packs.Running;

/// <summary>
/// Compiles the loaded rules once into a session factory of the chosen runtime (<see cref="EngineKind"/>). Rules whose id is taken by an earlier rule are
/// left out (the loader already reported the duplicate), so one bad pack does not stop the others from running.
/// </summary>
internal sealed class SessionFactoryCache
{
    private readonly Lazy<(ISessionFactory? Factory, string? Error)> _compiled;

    public SessionFactoryCache(LoadedPacks packs, EngineKind engine) =>
        _compiled = new Lazy<(ISessionFactory?, string?)>(() =>
        {
            using var timing = PhaseTimings.Measure("rete compile");
            var unique = packs.RuleDefinitions.GroupBy(r => r.Name, StringComparer.Ordinal).Select(g => g.First()).ToList();
            try
            {
                return (RuleRuntimes.Compile(engine, unique), null);
            }
            catch (RuleEngineException ex)
            {
                return (null, ex.Message);
            }
        });

    public ISessionFactory? Factory => _compiled.Value.Factory;

    public string? Error => _compiled.Value.Error;
}
