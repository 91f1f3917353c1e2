using System.Linq.Expressions;

namespace WorkPermit.Rules.Engine.Network;

/// <summary>The structural identity of a lambda: two conditions with the same shape, members, methods and
/// constant values are equal whatever their parameters are called, so their alpha nodes can be shared.</summary>
internal sealed class ExpressionKey : IEquatable<ExpressionKey>
{
    private readonly LambdaExpression _lambda;
    private readonly int _hash;

    public ExpressionKey(LambdaExpression lambda)
    {
        _lambda = lambda;
        _hash = StructuralComparer.Hash(lambda);
    }

    public bool Equals(ExpressionKey? other) =>
        other is not null && _hash == other._hash && StructuralComparer.AreEqual(_lambda, other._lambda);

    public override bool Equals(object? obj) => Equals(obj as ExpressionKey);

    public override int GetHashCode() => _hash;
}

internal static class StructuralComparer
{
    public static bool AreEqual(LambdaExpression x, LambdaExpression y) => new Comparison().Compare(x, y);

    public static int Hash(Expression? expression)
    {
        if (expression is null)
        {
            return 0;
        }

        var hash = HashCode.Combine(expression.NodeType, expression.Type);
        switch (expression)
        {
            case BinaryExpression binary:
                return HashCode.Combine(hash, Hash(binary.Left), Hash(binary.Right), binary.Method);
            case UnaryExpression unary:
                return HashCode.Combine(hash, Hash(unary.Operand), unary.Method);
            case MemberExpression member:
                return HashCode.Combine(hash, member.Member, Hash(member.Expression));
            case MethodCallExpression call:
                var callHash = HashCode.Combine(hash, call.Method, Hash(call.Object));
                foreach (var argument in call.Arguments)
                {
                    callHash = HashCode.Combine(callHash, Hash(argument));
                }

                return callHash;
            case ConstantExpression constant:
                return HashCode.Combine(hash, constant.Value);
            case LambdaExpression lambda:
                return HashCode.Combine(hash, lambda.Parameters.Count, Hash(lambda.Body));
            case ConditionalExpression conditional:
                return HashCode.Combine(hash, Hash(conditional.Test), Hash(conditional.IfTrue), Hash(conditional.IfFalse));
            case TypeBinaryExpression typeBinary:
                return HashCode.Combine(hash, typeBinary.TypeOperand, Hash(typeBinary.Expression));
            default:
                return hash;
        }
    }

    private sealed class Comparison
    {
        private readonly List<(ParameterExpression X, ParameterExpression Y)> _parameters = [];

        public bool Compare(Expression? x, Expression? y)
        {
            if (ReferenceEquals(x, y))
            {
                return true;
            }

            if (x is null || y is null || x.NodeType != y.NodeType || x.Type != y.Type)
            {
                return false;
            }

            switch (x)
            {
                case LambdaExpression lx:
                {
                    var ly = (LambdaExpression)y;
                    if (lx.Parameters.Count != ly.Parameters.Count)
                    {
                        return false;
                    }

                    for (var i = 0; i < lx.Parameters.Count; i++)
                    {
                        if (lx.Parameters[i].Type != ly.Parameters[i].Type)
                        {
                            return false;
                        }

                        _parameters.Add((lx.Parameters[i], ly.Parameters[i]));
                    }

                    return Compare(lx.Body, ly.Body);
                }

                case ParameterExpression px:
                {
                    var py = (ParameterExpression)y;
                    foreach (var (a, b) in _parameters)
                    {
                        if (ReferenceEquals(a, px))
                        {
                            return ReferenceEquals(b, py);
                        }
                    }

                    return false;
                }

                case BinaryExpression bx:
                {
                    var by = (BinaryExpression)y;
                    return bx.Method == by.Method && bx.IsLiftedToNull == by.IsLiftedToNull
                        && Compare(bx.Left, by.Left) && Compare(bx.Right, by.Right) && Compare(bx.Conversion, by.Conversion);
                }

                case UnaryExpression ux:
                {
                    var uy = (UnaryExpression)y;
                    return ux.Method == uy.Method && Compare(ux.Operand, uy.Operand);
                }

                case MemberExpression mx:
                {
                    var my = (MemberExpression)y;
                    return mx.Member == my.Member && Compare(mx.Expression, my.Expression);
                }

                case MethodCallExpression cx:
                {
                    var cy = (MethodCallExpression)y;
                    return cx.Method == cy.Method && Compare(cx.Object, cy.Object) && CompareAll(cx.Arguments, cy.Arguments);
                }

                case ConstantExpression kx:
                    return Equals(kx.Value, ((ConstantExpression)y).Value);

                case ConditionalExpression qx:
                {
                    var qy = (ConditionalExpression)y;
                    return Compare(qx.Test, qy.Test) && Compare(qx.IfTrue, qy.IfTrue) && Compare(qx.IfFalse, qy.IfFalse);
                }

                case TypeBinaryExpression tx:
                {
                    var ty = (TypeBinaryExpression)y;
                    return tx.TypeOperand == ty.TypeOperand && Compare(tx.Expression, ty.Expression);
                }

                case NewExpression nx:
                {
                    var ny = (NewExpression)y;
                    return nx.Constructor == ny.Constructor && CompareAll(nx.Arguments, ny.Arguments);
                }

                case NewArrayExpression ax:
                    return CompareAll(ax.Expressions, ((NewArrayExpression)y).Expressions);

                case InvocationExpression ix:
                {
                    var iy = (InvocationExpression)y;
                    return Compare(ix.Expression, iy.Expression) && CompareAll(ix.Arguments, iy.Arguments);
                }

                case IndexExpression dx:
                {
                    var dy = (IndexExpression)y;
                    return dx.Indexer == dy.Indexer && Compare(dx.Object, dy.Object) && CompareAll(dx.Arguments, dy.Arguments);
                }

                default:
                    // Shapes this comparer does not know are never considered equal: the nodes are simply not shared.
                    return false;
            }
        }

        private bool CompareAll(IReadOnlyList<Expression> x, IReadOnlyList<Expression> y)
        {
            if (x.Count != y.Count)
            {
                return false;
            }

            for (var i = 0; i < x.Count; i++)
            {
                if (!Compare(x[i], y[i]))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
