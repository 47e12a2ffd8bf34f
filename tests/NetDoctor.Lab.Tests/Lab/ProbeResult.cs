namespace NetDoctor.Lab.Tests.Lab;

/// <summary>How a TCP connection attempt ended; the incidents differ exactly in this (timeout vs unreachable vs refused).</summary>
public enum ProbeOutcome { Connected, TimedOut, NetworkUnreachable, HostUnreachable, Refused, Other }

public sealed record ProbeResult(ProbeOutcome Outcome, string Target, string Detail)
{
    /// <summary>Classifies OpenBSD netcat's `-z -v` messages ("failed: Network is unreachable", "timed out: Operation now in progress").</summary>
    public static ProbeResult FromNetcat(string target, CommandResult result)
    {
        var text = (result.StdErr + result.StdOut).Trim();
        var outcome =
            result.Succeeded && text.Contains("succeeded", StringComparison.OrdinalIgnoreCase) ? ProbeOutcome.Connected
            : text.Contains("Network is unreachable", StringComparison.OrdinalIgnoreCase) ? ProbeOutcome.NetworkUnreachable
            : text.Contains("No route to host", StringComparison.OrdinalIgnoreCase) ? ProbeOutcome.HostUnreachable
            : text.Contains("Connection refused", StringComparison.OrdinalIgnoreCase) ? ProbeOutcome.Refused
            : text.Contains("timed out", StringComparison.OrdinalIgnoreCase) || result.TimedOut ? ProbeOutcome.TimedOut
            : ProbeOutcome.Other;
        return new ProbeResult(outcome, target, text);
    }

    public override string ToString() => $"{Target}: {Outcome} ({Detail})";
}
