using NetDoctor.Collectors.Bundles;

namespace NetDoctor.Cli.Pipeline;

/// <summary>The reading budgets a command was given (--max-facts, --max-read-bytes); a null keeps the default, sized from memory.</summary>
public sealed record ReadLimits(long? MaxFacts, long? MaxReadBytes)
{
    public static ReadLimits Defaults { get; } = new(null, null);

    public BundleReadOptions Apply(BundleReadOptions options) => options with
    {
        MaxFacts = MaxFacts ?? options.MaxFacts,
        MaxReadBytes = MaxReadBytes ?? options.MaxReadBytes,
    };
}
