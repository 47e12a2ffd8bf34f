namespace NetDoctor.Collectors.Bundles;

/// <summary>A parse outcome after the demand filter, and how many facts the file gave before it (what the file listing reports).</summary>
internal sealed record DemandedOutcome(FileParseOutcome Outcome, int Parsed);
