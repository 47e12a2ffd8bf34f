using System.CommandLine;

namespace NetDoctor.Cli.Commands;

/// <summary>
/// `--output-FORMAT FILE` options: more formats from the same run, beside the one --format prints (e.g. text for the
/// log and `--output-junit report.xml` for the test tab), without running twice.
/// </summary>
public sealed class ExtraOutputs
{
    private readonly Dictionary<string, Option<string>> _options;

    public ExtraOutputs(IEnumerable<string> formats)
    {
        _options = formats.ToDictionary(f => f, f => new Option<string>($"--output-{f}")
        {
            Description = $"Also write the report as {f} to FILE (any number of --output-FORMAT, beside --format).",
            HelpName = "FILE",
        });
    }

    public IEnumerable<Option> Options => _options.Values;

    /// <summary>The formats asked for and their files, in the order of the format table.</summary>
    public IReadOnlyList<(string Format, string File)> Requested(ParseResult parse) =>
        _options.Select(o => (o.Key, parse.GetValue(o.Value))).Where(o => o.Item2 is not null).Select(o => (o.Key, o.Item2!)).ToList();

    /// <summary>Renders and writes every requested file; a file that cannot be written is a usage error.</summary>
    public void Write(ParseResult parse, Func<string, string> render)
    {
        foreach (var (format, file) in Requested(parse)) CliConsole.WriteFile(render(format), file, $"--output-{format}");
    }
}
