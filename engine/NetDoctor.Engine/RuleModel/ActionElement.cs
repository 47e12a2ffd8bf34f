using System.Linq.Expressions;

namespace NetDoctor.Engine.RuleModel;

/// <summary>
/// A right-hand-side action: a lambda whose first parameter is the <c>IContext</c> of the firing
/// and whose other parameters are named after declarations of the LHS (like conditions).
/// </summary>
public sealed record ActionElement(LambdaExpression Expression);
