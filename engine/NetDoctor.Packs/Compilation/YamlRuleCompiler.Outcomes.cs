using System.Linq.Expressions;
using NetDoctor.Packs.Model;
using NetDoctor.Packs.Templates;

namespace NetDoctor.Packs.Compilation;

/// <summary>`diagnose.outcomes:` compiled to one message template that renders the first variant whose `when` holds.</summary>
internal sealed partial class YamlRuleCompiler
{
    /// <summary>
    /// `outcomes:`: each `when` a bool over the bindings and lets, each message a template; the message is one slot that
    /// renders the first variant whose `when` holds. An entry without `when` is the default and must come last; without
    /// one, a diagnosis no variant describes gets the rule's title as its message (vet warns about that).
    /// </summary>
    private Template? Outcomes(RuleDocument doc, DiagnoseAction diagnose, RuleScope scope)
    {
        var variants = new List<(Expression?, Template)>();
        bool ok = true;
        for (int i = 0; i < diagnose.Outcomes.Count; i++)
        {
            var outcome = diagnose.Outcomes[i];
            Expression? when = null;
            if (outcome.When is { } condition)
            {
                when = Parse(condition, scope.Parameters)?.Body;
                if (when is not null && when.Type != typeof(bool))
                {
                    Error(DiagnosticCodes.TypeCheck, condition.Mark, $"outcome condition '{condition.Text}' must be true or false, but it is {TypeNames.Of(when.Type)}");
                    when = null;
                }
                ok &= when is not null;
            }
            else if (i < diagnose.Outcomes.Count - 1)
            {
                Error(DiagnosticCodes.TypeCheck, outcome.Mark, "an outcome without 'when' is the default and must be the last one (the ones after it could never be chosen)");
                ok = false;
            }
            var message = CompileTemplate(outcome.Message, scope.Parameters);
            ok &= message is not null;
            if (message is not null) variants.Add((when, message));
        }
        if (diagnose.Outcomes.All(o => o.When is not null))
        {
            diagnostics.Add(new PackDiagnostic(DiagnosticSeverity.Warning, DiagnosticCodes.NoDefaultOutcome, diagnose.Outcomes[^1].Mark,
                $"outcomes have no default (a last entry without 'when'): when none holds, the message is the rule's title \"{doc.Title}\""));
        }

        return ok ? Template.FirstOf(diagnose.MessageText, variants, doc.Title) : null;
    }
}
