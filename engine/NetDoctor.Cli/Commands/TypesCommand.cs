using System.CommandLine;
using NetDoctor.Cli.Pipeline;
using NetDoctor.Cli.Reporting.Types;
using NetDoctor.Packs.Model;
using NetDoctor.Packs.Types.Reference;

namespace NetDoctor.Cli.Commands;

/// <summary>
/// `netdoctor types [TYPE]`: the fact reference — every fact type rules can match (raw, and derived by the loaded packs,
/// YAML or C#) with its fields, their C# and JSON names, types and whether a test may set them; `--functions` lists the
/// helper functions expressions may call. docs/facts.md and docs/functions.md are this command's markdown output.
/// </summary>
public sealed class TypesCommand(PackSet packSet, CliConsole console) : ICliCommand
{
    public Command Build()
    {
        var type = new Argument<string?>("TYPE") { Description = "One fact type to show with its fields (e.g. Route).", Arity = ArgumentArity.ZeroOrOne };
        var packs = CommonOptions.Packs();
        var functions = new Option<bool>("--functions") { Description = "List the helper functions rule expressions may call instead of the fact types." };
        var format = CommonOptions.Format("text", "text", "json", "markdown");
        var trust = CommonOptions.TrustCSharp();
        var command = new Command("types", "Show the fact types rules can match, with their fields (and the helper functions with --functions).") { type, packs, functions, format, trust };
        command.SetAction(parse =>
        {
            var loaded = packSet.Load(parse.GetValue(packs) ?? [], parse.GetValue(trust));
            string output = parse.GetValue(format)!;
            if (parse.GetValue(functions))
            {
                if (parse.GetValue(type) is not null) throw new UsageException("give either TYPE or --functions, not both");
                var table = loaded.Sandbox.Functions.All;
                if (output == "text") TypesText.Functions(console.Text, table);
                else console.WriteDocument(output == "json" ? TypesJson.Functions(table) : TypesMarkdown.Functions(table), null);
                return ExitCodes.Ok;
            }

            var entries = FactTypeDescriber.Describe(loaded);
            if (parse.GetValue(type) is { } name)
            {
                var entry = FactTypeDescriber.Find(entries, name)
                    ?? throw new UsageException($"no fact type '{name}'" + DidYouMean.Hint(name, entries.Select(e => e.Name)) + "; 'netdoctor types' lists them all");
                entries = [entry];
                if (output == "text")
                {
                    TypesText.One(console.Text, entry);
                    return ExitCodes.Ok;
                }
            }
            else if (output == "text")
            {
                TypesText.All(console.Text, entries);
                return ExitCodes.Ok;
            }
            console.WriteDocument(output == "json" ? TypesJson.Types(entries) : TypesMarkdown.Types(entries), null);
            return ExitCodes.Ok;
        });
        return command;
    }
}
