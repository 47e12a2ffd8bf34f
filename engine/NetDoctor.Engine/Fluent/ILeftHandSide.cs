using System.Linq.Expressions;

namespace NetDoctor.Engine.Fluent;

/// <summary>The <c>When()</c> side of a C# rule. Elements match in the order they are added.</summary>
public interface ILeftHandSide
{
    /// <summary>Binds facts of <typeparamref name="T"/> satisfying every condition to the variable named by <paramref name="alias"/>.</summary>
    ILeftHandSide Match<T>(Expression<Func<T>> alias, params Expression<Func<T, bool>>[] conditions);

    /// <summary>Requires a fact of <typeparamref name="T"/> without binding it to a variable.</summary>
    ILeftHandSide Match<T>(params Expression<Func<T, bool>>[] conditions);

    /// <summary>Holds while no fact of <typeparamref name="T"/> satisfies the conditions.</summary>
    ILeftHandSide Not<T>(params Expression<Func<T, bool>>[] conditions);

    /// <summary>Holds once while at least one fact of <typeparamref name="T"/> satisfies the conditions.</summary>
    ILeftHandSide Exists<T>(params Expression<Func<T, bool>>[] conditions);

    /// <summary>Holds while every fact of <typeparamref name="T"/> satisfying <paramref name="baseCondition"/> also satisfies <paramref name="conditions"/>.</summary>
    ILeftHandSide All<T>(Expression<Func<T, bool>> baseCondition, params Expression<Func<T, bool>>[] conditions);

    /// <summary>Binds an aggregate (collect, count, group-by) of matching facts: <c>Query(() => pools, q => q.Match&lt;IpPool&gt;().Collect())</c>.</summary>
    ILeftHandSide Query<TResult>(Expression<Func<TResult>> alias, Func<IQueryBuilder, IQuery<TResult>> query);
}

/// <summary>The <c>Then()</c> side of a C# rule. Actions run in the order they are added.</summary>
public interface IRightHandSide
{
    IRightHandSide Do(Expression<Action<IContext>> action);

    /// <summary>Inserts the produced fact linked to the match (<see cref="IContext.InsertLinked"/>).</summary>
    IRightHandSide Yield<T>(Expression<Func<IContext, T>> produce) where T : notnull;
}
