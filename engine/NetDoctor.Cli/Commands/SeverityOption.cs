using System.CommandLine;
using NetDoctor.Engine;

namespace NetDoctor.Cli.Commands;

/// <summary>--fail-on: the lowest severity that makes `run` exit 1.</summary>
public static class SeverityOption
{
    public static Option<string> FailOn()
    {
        var option = new Option<string>("--fail-on")
        {
            Description = "Exit 1 when a diagnosis is at or above this severity: info, warning, error, critical.",
            DefaultValueFactory = _ => "warning",
        };
        option.AcceptOnlyFromAmong("info", "warning", "error", "critical");
        return option;
    }

    public static RuleSeverity Parse(string text) => Enum.Parse<RuleSeverity>(text, ignoreCase: true);
}
