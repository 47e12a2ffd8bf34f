using NetDoctor.Engine;
using System.CommandLine;
using NetDoctor.Cli.Pipeline;
using Spectre.Console;

namespace NetDoctor.Cli.Commands;

/// <summary>`netdoctor packs`: which packs and rules a run would use, and whether they load.</summary>
public sealed class PacksCommand(PackSet packSet, CliConsole console) : ICliCommand
{
    public Command Build()
    {
        var packs = CommonOptions.Packs();
        var command = new Command("packs", "List the built-in and given rule packs with their rules.") { packs };
        command.SetAction(parse =>
        {
            var loaded = packSet.LoadAll(parse.GetValue(packs) ?? []);

            foreach (var pack in loaded.Packs)
            {
                console.Ansi.MarkupLine($"[bold]{Markup.Escape(pack.Name)}[/] {Markup.Escape(pack.Version)}  [grey]{Markup.Escape(pack.DisplayDirectory)}[/]");
                if (pack.Manifest?.Description is { } description) console.Ansi.MarkupLine($"  {Markup.Escape(description.Trim())}");
                var table = new Table().Border(TableBorder.Simple).AddColumn("rule").AddColumn("severity").AddColumn("title").AddColumn("does");
                foreach (var rule in pack.Rules.OrderBy(r => r.Id, StringComparer.Ordinal))
                {
                    string does = rule.Diagnoses ? "diagnoses" : rule.Derives is { } derived ? $"derives {derived}" : "";
                    table.AddRow(Markup.Escape(rule.Id), Markup.Escape(rule.Document.Severity), Markup.Escape(rule.Document.Title), Markup.Escape(does));
                }
                foreach (var rule in loaded.ExtraRules.Where(r => r.Pack() == pack.Name).OrderBy(r => r.Name, StringComparer.Ordinal))
                    table.AddRow(Markup.Escape(rule.Id()), rule.Severity().ToString().ToLowerInvariant(), Markup.Escape(rule.Title()), "C# rule");
                console.Ansi.Write(table);
            }
            foreach (var diagnostic in loaded.Diagnostics)
                console.Ansi.MarkupLine($"[{(diagnostic.IsError ? "red" : "yellow")}]{Markup.Escape(diagnostic.ToString())}[/]");
            console.Ansi.MarkupLine($"{loaded.Packs.Count} packs, {loaded.Packs.Sum(p => p.Rules.Count) + loaded.ExtraRules.Count} rules.");
            return loaded.HasErrors ? ExitCodes.Findings : ExitCodes.Ok;
        });
        return command;
    }
}
