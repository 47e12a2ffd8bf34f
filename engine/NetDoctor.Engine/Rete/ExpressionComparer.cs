using System.Linq.Expressions;

namespace NetDoctor.Engine.Rete;

/// <summary>
/// Structural equality of lambda expressions: same node shapes, types, members and constant values, with
/// parameters compared by position (so <c>x => x.A == 1</c> equals <c>y => y.A == 1</c>). Used to share alpha nodes.
/// Anything it does not understand compares unequal, which only costs sharing, never correctness.
/// </summary>
internal sealed class ExpressionComparer : IEqualityComparer<LambdaExpression?>
{
    public static readonly ExpressionComparer Instance = new();

    public bool Equals(LambdaExpression? x, LambdaExpression? y)
    {
        if (ReferenceEquals(x, y))
        {
            return true;
        }
        if (x is null || y is null)
        {
            return false;
        }
        return new Walk(x.Parameters, y.Parameters).SameLambda(x, y);
    }

    public int GetHashCode(LambdaExpression? obj) => obj is null ? 0 : HashCode.Combine(obj.Parameters.Count, obj.ReturnType, Hash(obj.Body, 3));

    private static int Hash(Expression? e, int depth)
    {
        if (e is null || depth == 0)
        {
            return 0;
        }
        var h = HashCode.Combine(e.NodeType, e.Type);
        return e switch
        {
            MemberExpression m => HashCode.Combine(h, m.Member.Name, Hash(m.Expression, depth - 1)),
            BinaryExpression b => HashCode.Combine(h, Hash(b.Left, depth - 1), Hash(b.Right, depth - 1)),
            UnaryExpression u => HashCode.Combine(h, Hash(u.Operand, depth - 1)),
            MethodCallExpression c => HashCode.Combine(h, c.Method.Name),
            ConstantExpression k => HashCode.Combine(h, k.Value),
            _ => h,
        };
    }

    private sealed class Walk(IReadOnlyList<ParameterExpression> xs, IReadOnlyList<ParameterExpression> ys)
    {
        private readonly List<(ParameterExpression X, ParameterExpression Y)> _bound = [];

        public bool SameLambda(LambdaExpression x, LambdaExpression y)
        {
            if (x.Parameters.Count != y.Parameters.Count || x.ReturnType != y.ReturnType)
            {
                return false;
            }
            for (var i = 0; i < x.Parameters.Count; i++)
            {
                if (x.Parameters[i].Type != y.Parameters[i].Type)
                {
                    return false;
                }
                _bound.Add((x.Parameters[i], y.Parameters[i]));
            }
            return Same(x.Body, y.Body);
        }

        private bool Same(Expression? x, Expression? y)
        {
            if (ReferenceEquals(x, y))
            {
                return true;
            }
            if (x is null || y is null || x.NodeType != y.NodeType || x.Type != y.Type)
            {
                return false;
            }
            return (x, y) switch
            {
                (ParameterExpression a, ParameterExpression b) => SameParameter(a, b),
                (ConstantExpression a, ConstantExpression b) => Equals(a.Value, b.Value),
                (MemberExpression a, MemberExpression b) => a.Member == b.Member && Same(a.Expression, b.Expression),
                (BinaryExpression a, BinaryExpression b) => a.Method == b.Method && a.IsLiftedToNull == b.IsLiftedToNull
                    && Same(a.Left, b.Left) && Same(a.Right, b.Right) && Same(a.Conversion, b.Conversion),
                (UnaryExpression a, UnaryExpression b) => a.Method == b.Method && Same(a.Operand, b.Operand),
                (MethodCallExpression a, MethodCallExpression b) => a.Method == b.Method && Same(a.Object, b.Object) && All(a.Arguments, b.Arguments),
                (ConditionalExpression a, ConditionalExpression b) => Same(a.Test, b.Test) && Same(a.IfTrue, b.IfTrue) && Same(a.IfFalse, b.IfFalse),
                (TypeBinaryExpression a, TypeBinaryExpression b) => a.TypeOperand == b.TypeOperand && Same(a.Expression, b.Expression),
                (NewExpression a, NewExpression b) => a.Constructor == b.Constructor && All(a.Arguments, b.Arguments),
                (NewArrayExpression a, NewArrayExpression b) => All(a.Expressions, b.Expressions),
                (InvocationExpression a, InvocationExpression b) => Same(a.Expression, b.Expression) && All(a.Arguments, b.Arguments),
                (IndexExpression a, IndexExpression b) => a.Indexer == b.Indexer && Same(a.Object, b.Object) && All(a.Arguments, b.Arguments),
                (DefaultExpression, DefaultExpression) => true,
                (LambdaExpression a, LambdaExpression b) => SameLambda(a, b),
                _ => false,
            };
        }

        private bool SameParameter(ParameterExpression a, ParameterExpression b)
        {
            for (var i = _bound.Count - 1; i >= 0; i--)
            {
                if (_bound[i].X == a || _bound[i].Y == b)
                {
                    return _bound[i].X == a && _bound[i].Y == b;
                }
            }
            // Free parameters (not bound by any enclosing lambda) only equal themselves.
            return a == b && !xs.Contains(a) && !ys.Contains(b);
        }

        private bool All(IReadOnlyList<Expression> a, IReadOnlyList<Expression> b)
        {
            if (a.Count != b.Count)
            {
                return false;
            }
            for (var i = 0; i < a.Count; i++)
            {
                if (!Same(a[i], b[i]))
                {
                    return false;
                }
            }
            return true;
        }
    }
}
