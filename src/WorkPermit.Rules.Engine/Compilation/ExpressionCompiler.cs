using System.Collections;
using System.Linq.Expressions;
using System.Reflection;
using WorkPermit.Rules.Engine.Model;
using WorkPermit.Rules.Engine.RuleModel;
using WorkPermit.Rules.Engine.Runtime;

namespace WorkPermit.Rules.Engine.Compilation;

/// <summary>
/// Compiles bound expressions into delegates over the network's runtime shapes. A declaration at position p is
/// read from a token at level L by walking L - p parents and taking the fact; the right fact of a binary node is
/// passed separately.
/// </summary>
internal static class ExpressionCompiler
{
    private static readonly FieldInfo ParentField = typeof(Token).GetField(nameof(Token.Parent))!;
    private static readonly FieldInfo FactField = typeof(Token).GetField(nameof(Token.Fact))!;
    private static readonly FieldInfo ObjectField = typeof(Fact).GetField(nameof(Fact.Object))!;

    public static Func<object?, bool> Alpha(BoundExpression condition)
    {
        var input = Expression.Parameter(typeof(object), "fact");
        var assignments = condition.Parameters.Select(d => Expression.Assign(d.Parameter, Unwrap(input, d.Type)));
        return Compile<Func<object?, bool>>(condition.Lambda.Body, condition.Parameters, assignments, input);
    }

    /// <summary>A condition of a binary node: <paramref name="right"/> is the node's own fact, the rest come from the left token.</summary>
    public static Func<Token?, object?, bool> Beta(BoundExpression condition, Declaration right, int leftLevel)
    {
        var token = Expression.Parameter(typeof(Token), "token");
        var input = Expression.Parameter(typeof(object), "fact");
        return Compile<Func<Token?, object?, bool>>(condition.Lambda.Body, condition.Parameters,
            Assign(condition.Parameters, token, leftLevel, right, input), token, input);
    }

    public static Func<Token, T> OverToken<T>(Expression body, IReadOnlyList<Declaration> parameters, int level)
    {
        var token = Expression.Parameter(typeof(Token), "token");
        return Compile<Func<Token, T>>(Convert(body, typeof(T)), parameters, Assign(parameters, token, level, null, null), token);
    }

    public static Func<object?, T> OverFact<T>(Expression body, IReadOnlyList<Declaration> parameters)
    {
        var input = Expression.Parameter(typeof(object), "fact");
        var assignments = parameters.Select(d => Expression.Assign(d.Parameter, Unwrap(input, d.Type)));
        return Compile<Func<object?, T>>(Convert(body, typeof(T)), parameters, assignments, input);
    }

    /// <summary>Compiles an expression over a lambda's own parameter (not a declaration) as a function of the boxed fact.</summary>
    public static Func<object?, T> OverParameter<T>(Expression body, ParameterExpression parameter)
    {
        var input = Expression.Parameter(typeof(object), "fact");
        var block = Expression.Block(typeof(T), [parameter], Expression.Assign(parameter, Unwrap(input, parameter.Type)), Convert(body, typeof(T)));
        return Expression.Lambda<Func<object?, T>>(block, input).Compile();
    }

    /// <summary>An expression of a query operation: <paramref name="element"/> is the element, the rest come from the token.</summary>
    public static Func<Token, object?, T> OverElement<T>(BoundExpression expression, Declaration element, int level)
    {
        var token = Expression.Parameter(typeof(Token), "token");
        var input = Expression.Parameter(typeof(object), "element");
        return Compile<Func<Token, object?, T>>(Convert(expression.Lambda.Body, typeof(T)), expression.Parameters,
            Assign(expression.Parameters, token, level, element, input), token, input);
    }

    public static Action<IContext, Token> Action(ExecuteAction action, int level)
    {
        var context = action.Lambda.Parameters[0];
        var token = Expression.Parameter(typeof(Token), "activation");
        var lambda = Expression.Lambda<Action<IContext, Token>>(
            Block(action.Lambda.Body, action.Parameters, Assign(action.Parameters, token, level, null, null), typeof(void)),
            context, token);
        return lambda.Compile();
    }

    public static Func<IContext, Token, object> YieldInsert(YieldAction action, int level)
    {
        var context = action.Insert.Parameters[0];
        var token = Expression.Parameter(typeof(Token), "activation");
        var lambda = Expression.Lambda<Func<IContext, Token, object>>(
            Block(Convert(action.Insert.Body, typeof(object)), action.InsertParameters, Assign(action.InsertParameters, token, level, null, null), typeof(object)),
            context, token);
        return lambda.Compile();
    }

    public static Func<IContext, object, Token, object> YieldUpdate(YieldAction action, int level)
    {
        var update = action.Update!;
        var context = update.Parameters[0];
        var current = update.Parameters[1];
        var currentObject = Expression.Parameter(typeof(object), "current");
        var token = Expression.Parameter(typeof(Token), "activation");
        var assignments = new List<Expression> { Expression.Assign(current, Expression.Convert(currentObject, current.Type)) };
        assignments.AddRange(Assign(action.UpdateParameters!, token, level, null, null));
        var variables = new List<ParameterExpression> { current };
        variables.AddRange(action.UpdateParameters!.Select(d => d.Parameter));
        var body = Expression.Block(typeof(object), variables, assignments.Append(Convert(update.Body, typeof(object))));
        return Expression.Lambda<Func<IContext, object, Token, object>>(body, context, currentObject, token).Compile();
    }

    /// <summary>Reads a declaration from a token at <paramref name="level"/>.</summary>
    public static Expression Access(Expression token, int level, Declaration declaration)
    {
        var walk = level - declaration.Position;
        if (walk < 0)
        {
            throw new InvalidOperationException($"Declaration '{declaration.Name}' is bound after the expression that reads it.");
        }

        var current = token;
        for (var i = 0; i < walk; i++)
        {
            current = Expression.Field(current, ParentField);
        }

        return Unwrap(Expression.Field(Expression.Field(current, FactField), ObjectField), declaration.Type);
    }

    private static IEnumerable<Expression> Assign(IReadOnlyList<Declaration> parameters, ParameterExpression token, int level, Declaration? right, ParameterExpression? input)
    {
        foreach (var declaration in parameters)
        {
            yield return Expression.Assign(declaration.Parameter, ReferenceEquals(declaration, right) ? Unwrap(input!, declaration.Type) : Access(token, level, declaration));
        }
    }

    private static Expression Unwrap(Expression value, Type type) => type == typeof(object) ? value : Expression.Convert(value, type);

    private static Expression Convert(Expression body, Type type) => body.Type == type ? body : Expression.Convert(body, type);

    private static TDelegate Compile<TDelegate>(Expression body, IReadOnlyList<Declaration> parameters, IEnumerable<Expression> assignments, params ParameterExpression[] inputs)
        where TDelegate : Delegate
    {
        var returnType = typeof(TDelegate).GetMethod("Invoke")!.ReturnType;
        return Expression.Lambda<TDelegate>(Block(body, parameters, assignments, returnType), inputs).Compile();
    }

    private static Expression Block(Expression body, IReadOnlyList<Declaration> parameters, IEnumerable<Expression> assignments, Type returnType)
    {
        var statements = assignments.ToList();
        if (statements.Count == 0)
        {
            return body.Type == returnType || returnType == typeof(void) ? body : Expression.Convert(body, returnType);
        }

        statements.Add(body);
        return Expression.Block(returnType, parameters.Select(d => d.Parameter), statements);
    }

    /// <summary>Makes the typed factories that queries use for collections and groups.</summary>
    public static Network.IResultFactory CollectionFactory(Type elementType) =>
        (Network.IResultFactory)Activator.CreateInstance(typeof(Network.CollectionFactory<>).MakeGenericType(elementType))!;

    public static Network.IResultFactory GroupingFactory(Type groupingType)
    {
        var arguments = groupingType.GetGenericArguments();
        return (Network.IResultFactory)Activator.CreateInstance(typeof(Network.GroupingFactory<,>).MakeGenericType(arguments))!;
    }

    public static Func<Token, object?, IEnumerable?> SelectMany(BoundExpression expression, Declaration element, int level) =>
        OverElement<IEnumerable?>(expression, element, level);
}
