namespace NetDoctor.Cli.Reporting.Text;

/// <summary>"1 diagnosis", "2 diagnoses": counts read as English, not "1 diagnosis(es)".</summary>
public static class Counted
{
    public static string Of(int count, string singular, string? plural = null) =>
        $"{count} {(count == 1 ? singular : plural ?? singular + "s")}";

    /// <summary>A severity as a count: "1 critical", "2 errors", "1 warning", "3 info".</summary>
    public static string Severity(int count, string severity) => severity switch
    {
        "error" or "warning" => Of(count, severity),
        _ => $"{count} {severity}",
    };
}
