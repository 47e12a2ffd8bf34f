using System.Text;

namespace NetDoctor.Cli.Tests;

/// <summary>
/// Inputs that try to take over the terminal or the rendered Markdown (issue #13 item 9): a pack in a temporary folder
/// whose title, message and remediation command carry the sequences of the issue, and a copy of incident 003 whose log
/// line, interface name and log file name carry them too. Written by the test, deleted after it.
/// </summary>
public sealed class HostileOutput : IDisposable
{
    /// <summary>OSC-8 hyperlink: the text "click" would link to the URL.</summary>
    public const string Osc8 = "\u001b]8;;http://evil.example/\u001b\\click\u001b]8;;\u001b\\";

    /// <summary>OSC 0: sets the terminal window's title.</summary>
    public const string WindowTitle = "\u001b]0;pwned\u0007";

    /// <summary>Clear the line and return to its start: what follows is shown where the real command was.</summary>
    public const string ClearLine = "\u001b[2K\r";

    /// <summary>Right-to-left override ("Trojan Source"): what follows is shown reversed.</summary>
    public const string Bidi = "\u202Eevil\u202C";

    public const string Html = "</details><img src=x onerror=alert(1)>";

    public const string Link = "[x](javascript:alert(1))";

    public const string Title = "Injected " + WindowTitle + " " + Html;

    /// <summary>Each sequence, and Markdown that would be a heading, a table row and a link if it were not escaped.</summary>
    public const string Message = "Injected " + Osc8 + " bell\u0007 " + Bidi + "\n# heading\n| pipe | row\n" + Link + "\n1. list";

    /// <summary>The terminal would show only "echo harmless"; a paste runs the rm.</summary>
    public const string HiddenCommand = "rm -rf /tmp/nd-victim" + ClearLine + "echo harmless";

    /// <summary>A normal command with a run of four backticks: kept exactly, in a fence of five.</summary>
    public const string BacktickCommand = "echo ````done````";

    private HostileOutput(string directory) => Directory = directory;

    public string Directory { get; }

    public string Pack => Path.Combine(Directory, "pack");

    public string Bundle => Path.Combine(Directory, "bundle");

    public static HostileOutput Create()
    {
        var hostile = new HostileOutput(Path.Combine(Path.GetTempPath(), $"nd-hostile-out-{Guid.NewGuid():N}"));
        hostile.WritePack();
        hostile.WriteBundle();
        return hostile;
    }

    private void WritePack()
    {
        System.IO.Directory.CreateDirectory(Path.Combine(Pack, "rules"));
        System.IO.Directory.CreateDirectory(Path.Combine(Pack, "tests"));
        File.WriteAllText(Path.Combine(Pack, "pack.yaml"), """
            apiVersion: netdoctor/v1
            kind: RulePack
            name: hostile
            version: 1.0.0
            description: Strings that try to take over the terminal.
            """);
        // YAML double-quoted strings carry any character as an escape (\e, \a, \r, \u202E), as an attacker would write them.
        File.WriteAllText(Path.Combine(Pack, "rules", "inject.yaml"), $"""
            apiVersion: netdoctor/v1
            kind: Rule
            id: hostile/inject
            title: {Yaml(Title)}
            severity: warning
            when:
              - fact: RoutingTable
                as: table
            then:
              diagnose:
                message: {Yaml(Message)}
                remediation:
                  - description: {Yaml("Paste this " + WindowTitle)}
                    command: {Yaml(HiddenCommand)}
                  - description: A normal command with backticks
                    command: {Yaml(BacktickCommand)}
            """);
        File.WriteAllText(Path.Combine(Pack, "tests", "inject.yaml"), $"""
            apiVersion: netdoctor/v1
            kind: RuleTest
            name: {Yaml("fires " + WindowTitle)}
            rule: hostile/inject
            given:
              facts:
                - type: RoutingTable
                  node: admin
                  fields: {"{NodeName: admin}"}
            expect:
              messageContains: {Yaml("absent " + ClearLine)}
            """);
    }

    /// <summary>Incident 003 with the sequences in a calico-node log line (quoted in the diagnosis), in the name of the
    /// interface without a lease (in the message and the dhclient command), and in the log file's name (every source).</summary>
    private void WriteBundle()
    {
        CopyDirectory(Repo.Sample("incident-003-no-default-route"), Bundle);
        string admin = Path.Combine(Bundle, "admin");
        string log = Path.Combine(admin, "kube-system", "calico-node-7kvkf.log");
        var lines = File.ReadAllLines(log);
        lines[4] = lines[4].Replace("network is unreachable", "network is unreachable " + WindowTitle + " " + Osc8 + " " + Bidi, StringComparison.Ordinal);
        File.WriteAllLines(log, lines);
        File.Move(log, Path.Combine(admin, "kube-system", "calico-node-7kvkf" + WindowTitle + ".log"));
        foreach (string file in new[] { "ip-link.txt", "ip-addr.txt" })
            File.WriteAllText(Path.Combine(admin, file), File.ReadAllText(Path.Combine(admin, file)).Replace("enp0s3", InterfaceName, StringComparison.Ordinal));
        // In JSON the same name is written with JSON's escapes.
        string json = Path.Combine(admin, "ip-addr.json");
        File.WriteAllText(json, File.ReadAllText(json).Replace("\"enp0s3\"", System.Text.Json.JsonSerializer.Serialize(InterfaceName), StringComparison.Ordinal));
    }

    /// <summary>The interface without a lease, renamed to carry an OSC-8 link opener.</summary>
    public const string InterfaceName = "enp0s3\u001b]8;;http://evil.example/\u0007";

    /// <summary>Every character that must never reach stdout raw: all controls but LF (and TAB), DEL, C1, bidi and zero-width format characters.</summary>
    public static IEnumerable<string> RawControls(string output) => output
        .Select((c, i) => (c, i))
        .Where(x => x.c != '\n' && x.c != '\t' && (char.IsControl(x.c) || char.GetUnicodeCategory(x.c) == System.Globalization.UnicodeCategory.Format))
        .Select(x => $"U+{(int)x.c:X4} at {x.i}: ...{output[Math.Max(0, x.i - 30)..x.i]}");

    private static string Yaml(string text)
    {
        var sb = new StringBuilder("\"");
        foreach (char c in text)
        {
            if (c == '"' || c == '\\') sb.Append('\\').Append(c);
            else if (c < ' ' || c is >= '\u007f' and <= '\u009f' || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format) sb.Append($"\\u{(int)c:X4}");
            else sb.Append(c);
        }
        return sb.Append('"').ToString();
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (string dir in System.IO.Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
            System.IO.Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        System.IO.Directory.CreateDirectory(to);
        foreach (string file in System.IO.Directory.GetFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
    }

    public void Dispose()
    {
        try { System.IO.Directory.Delete(Directory, recursive: true); }
        catch (IOException) { }
    }
}
