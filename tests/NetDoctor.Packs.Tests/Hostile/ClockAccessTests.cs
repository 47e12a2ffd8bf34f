namespace NetDoctor.Packs.Tests.Hostile;

/// <summary>
/// Issue #13, defect 11: clock and environment reads are rejected at load with file:line:col, as documented —
/// including DateTimeOffset.Now, whose type is otherwise allowed (fact timestamps are DateTimeOffset).
/// </summary>
public class ClockAccessTests
{
    private const string Clock = "reads the clock or the environment, which rule expressions cannot: a diagnosis must not depend on when or where the bundle is read";

    [Theory]
    [InlineData("routes.Count > 0 && DateTimeOffset.Now > DateTimeOffset.MinValue", "DateTimeOffset.Now", $"'DateTimeOffset.Now' {Clock}")]
    [InlineData("routes.Count > 0 && DateTimeOffset.UtcNow.Year > 2000", "DateTimeOffset.UtcNow", $"'DateTimeOffset.UtcNow' {Clock}")]
    [InlineData("routes.Count > 0 && DateTimeOffset.MinValue.ToLocalTime().Year > 0", "ToLocalTime", $"'DateTimeOffset.ToLocalTime' {Clock}")]
    [InlineData("routes.Count > 0 && DateTimeOffset.MinValue.LocalDateTime.Year > 0", "LocalDateTime", $"'DateTimeOffset.LocalDateTime' {Clock}")]
    [InlineData("routes.Count > 0 && DateTime.Now.Year > 2000", "DateTime.Now", $"'DateTime.Now' {Clock}")]
    [InlineData("routes.Count > 0 && DateTime.UtcNow.Year > 2000", "DateTime.UtcNow", $"'DateTime.UtcNow' {Clock}")]
    [InlineData("routes.Count > 0 && DateTime.Today.Year > 2000", "DateTime.Today", $"'DateTime.Today' {Clock}")]
    [InlineData("routes.Count > 0 && Guid.NewGuid() != Guid.Empty", "Guid.NewGuid", $"'Guid.NewGuid' {Clock}")]
    [InlineData("routes.Count > 0 && Environment.TickCount > 0", "Environment", "'Environment' is not available in rule expressions: only bindings, fact types and the helpers Net, Text and Regex can be used")]
    [InlineData("routes.Count > 0 && Environment.MachineName != \"\"", "Environment", "'Environment' is not available in rule expressions: only bindings, fact types and the helpers Net, Text and Regex can be used")]
    [InlineData("routes.Count > 0 && Stopwatch.GetTimestamp() > 0", "Stopwatch", "'Stopwatch' is not available in rule expressions: only bindings, fact types and the helpers Net, Text and Regex can be used")]
    [InlineData("routes.Count > 0 && Random.Shared.Next() > 0", "Random", "'Random.Shared' is not available in rule expressions: only bindings, fact types and the helpers Net, Text and Regex can be used")]
    public void Clock_and_environment_reads_are_rejected_at_load_with_their_position(string condition, string at, string message)
    {
        using var pack = HostilePack.OverRoutes(condition);

        var packs = pack.Load();

        var error = packs.Diagnostics.ShouldHaveSingleItem();
        error.Message.ShouldBe(message);
        error.Code.ShouldBe(NetDoctor.Packs.Model.DiagnosticCodes.Sandbox);
        (error.Mark.Line, error.Mark.Column).ShouldBe((HostilePack.WhereLine, HostilePack.WhereColumn + condition.IndexOf(at, StringComparison.Ordinal)));
        error.ToString().ShouldStartWith($"{pack.Directory}/rules/rule.yaml:{HostilePack.WhereLine}:");
        packs.Rules.ShouldBeEmpty();
    }

    [Fact]
    public void Timestamps_of_facts_can_still_be_compared()
    {
        using var pack = HostilePack.OverRoutes("DateTimeOffset.Parse(\"2024-06-12T05:53:08Z\") > DateTimeOffset.MinValue && routes.Count > 0");

        pack.Load().Diagnostics.ShouldBeEmpty();
    }
}
