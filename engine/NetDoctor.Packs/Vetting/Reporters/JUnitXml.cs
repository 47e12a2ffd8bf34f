using System.Globalization;
using System.Text;
using System.Xml.Linq;

namespace NetDoctor.Packs.Vetting.Reporters;

/// <summary>
/// Writes JUnit XML that both schemas CI tools are built on accept: Jenkins xunit's junit-10.xsd and Apache Ant's
/// JUnit.xsd (the CLI tests validate against both). That fixes the shape: no attributes on &lt;testsuites&gt; (Ant allows
/// none; consumers add up the suites), every suite with name, package, id, timestamp, hostname, tests, failures,
/// errors, skipped and time, then &lt;properties&gt;, the cases, &lt;system-out&gt; and &lt;system-err&gt;; a case has only
/// name, classname and time (no file/line attributes) and at most one &lt;failure type=…&gt; (a finding),
/// &lt;error type=…&gt; (the case could not be evaluated: its rule threw) or &lt;skipped message=…&gt;; where a failure is
/// lives in its text.
/// </summary>
public static class JUnitXml
{
    public static string Render(IEnumerable<JUnitSuite> suites, DateTime timestamp, string hostname)
    {
        var root = new XElement("testsuites");
        int id = 0;
        foreach (var suite in suites)
        {
            double seconds = suite.Cases.Sum(c => c.Seconds);
            var element = new XElement("testsuite",
                new XAttribute("name", Clean(suite.Name)),
                new XAttribute("package", Clean(suite.Name)),
                new XAttribute("id", id++),
                new XAttribute("timestamp", timestamp.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture)),
                new XAttribute("hostname", Clean(hostname.Length > 0 ? hostname : "localhost")),
                new XAttribute("tests", suite.Cases.Count),
                new XAttribute("failures", suite.Cases.Count(c => c.Failure is { IsError: false })),
                new XAttribute("errors", suite.Cases.Count(c => c.Failure is { IsError: true })),
                new XAttribute("skipped", suite.Cases.Count(c => c.Failure is null && c.Skipped is not null)),
                new XAttribute("time", Seconds(seconds)),
                new XElement("properties", suite.Properties.Select(p => new XElement("property", new XAttribute("name", Clean(p.Key)), new XAttribute("value", Clean(p.Value))))));
            foreach (var c in suite.Cases)
            {
                var testCase = new XElement("testcase", new XAttribute("name", Clean(c.Name)), new XAttribute("classname", Clean(c.ClassName)), new XAttribute("time", Seconds(c.Seconds)));
                if (c.Failure is { } f)
                    testCase.Add(new XElement(f.IsError ? "error" : "failure", new XAttribute("type", Clean(f.Type)), new XAttribute("message", Clean(f.Message)), Clean(f.Details)));
                else if (c.Skipped is { } reason)
                    testCase.Add(new XElement("skipped", new XAttribute("message", Clean(reason))));
                element.Add(testCase);
            }
            element.Add(new XElement("system-out", Clean(suite.SystemOut)), new XElement("system-err", ""));
            root.Add(element);
        }
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" + root;
    }

    /// <summary>Seconds as both schemas read them: a plain decimal with three places ("0.042").</summary>
    private static string Seconds(double seconds) => Math.Max(seconds, 0).ToString("0.000", CultureInfo.InvariantCulture);

    /// <summary>
    /// Characters XML 1.0 cannot carry (control bytes of a damaged input file quoted in a message) would make the
    /// whole report unreadable: they become U+FFFD.
    /// </summary>
    private static string Clean(string text)
    {
        if (text.All(XmlAllowed)) return text;
        var sb = new StringBuilder(text.Length);
        foreach (char ch in text) sb.Append(XmlAllowed(ch) ? ch : '\uFFFD');
        return sb.ToString();
    }

    private static bool XmlAllowed(char ch) =>
        ch is '\t' or '\n' or '\r' || (ch >= 0x20 && ch <= 0xD7FF) || char.IsSurrogate(ch) || (ch >= 0xE000 && ch <= 0xFFFD);
}
