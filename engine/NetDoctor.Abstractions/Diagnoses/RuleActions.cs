using System.Linq.Expressions;
using NetDoctor.Packs.Compilation.Actions;
using NetDoctor.Packs.Types;
using NRules.Fluent.Dsl;
using NRules.RuleModel;

namespace NetDoctor.Packs.Diagnoses;

/// <summary>
/// YAML's `diagnose:` and `derive:` for C# rules, on NRules' fluent right-hand side:
/// <c>Then().Diagnose(d => d.Message($"...").Remediation("...", $"..."))</c> and <c>Then().Derive(() => new MyFact { ... })</c>.
/// Both go through the same runtime as the YAML actions, so the Diagnosis (id, title and severity from the rule's
/// metadata, evidence, node, linked to the match) and the derivation chain are the same whichever front end wrote the rule.
/// </summary>
public static class RuleActions
{
    private static readonly System.Reflection.MethodInfo DiagnoseInsert = typeof(DiagnoseRuntime).GetMethod(nameof(DiagnoseRuntime.Insert))!;
    private static readonly System.Reflection.MethodInfo DeriveInsert = typeof(DeriveRuntime).GetMethod(nameof(DeriveRuntime.Insert))!;
    private static readonly System.Reflection.MethodInfo Build = typeof(DiagnosisBuilder).GetMethod(nameof(DiagnosisBuilder.Build))!;

    /// <summary>Reports a diagnosis of this rule, linked to the match (it goes when the match goes).</summary>
    public static IRightHandSideExpression Diagnose(this IRightHandSideExpression rhs, Expression<Func<DiagnosisBuilder, DiagnosisBuilder>> diagnosis)
    {
        // The builder's parameter becomes a new builder inside one action lambda, so NRules rewrites the pattern
        // variables the caller's lambda captured exactly as it does for Do(ctx => ...).
        var context = Expression.Parameter(typeof(IContext), "ctx");
        var built = new Replace(diagnosis.Parameters[0], Expression.New(typeof(DiagnosisBuilder))).Visit(diagnosis.Body);
        var body = Expression.Call(DiagnoseInsert, context, Expression.Call(built, Build), Expression.Constant(Array.Empty<object?>()));
        return rhs.Do(Expression.Lambda<Action<IContext>>(body, context));
    }

    /// <summary>Derives a fact of a type this pack declares, linked to the match; its Node defaults to the match's.</summary>
    public static IRightHandSideExpression Derive<TFact>(this IRightHandSideExpression rhs, Expression<Func<TFact>> fact)
        where TFact : DerivedFact
    {
        var context = Expression.Parameter(typeof(IContext), "ctx");
        var body = Expression.Call(DeriveInsert, context, Expression.Convert(fact.Body, typeof(DerivedFact)));
        return rhs.Do(Expression.Lambda<Action<IContext>>(body, context));
    }

    private sealed class Replace(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
