using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using WorkPermit.Rules.Engine.Dsl;
using WorkPermit.Rules.Engine.Model;
using WorkPermit.Rules.Engine.Network;
using WorkPermit.Rules.Engine.RuleModel;
using WorkPermit.Rules.Engine.Runtime;

namespace WorkPermit.Rules.Engine.Compilation;

/// <summary>Builds the Rete network from canonical rule definitions: a shared alpha network, one beta chain per rule branch.</summary>
internal sealed class NetworkBuilder
{
    private readonly RootNode _root = new();
    private readonly Dictionary<Type, TypeNode> _typeNodes = [];
    private readonly Dictionary<(AlphaNode Parent, ExpressionKey Key), SelectionNode> _selections = [];
    private readonly List<TerminalNode> _terminals = [];
    private int _nextId = 1;
    private int _nextMemory;

    public RootNode Root => _root;

    public int MemoryCount => _nextMemory;

    public IReadOnlyList<TerminalNode> Terminals => _terminals;

    public TypeNode[] TypeNodes => [.. _typeNodes.Values];

    public void Add(RuleDefinition rule)
    {
        foreach (var branch in rule.Branches)
        {
            AddBranch(rule, branch);
        }
    }

    private void AddBranch(RuleDefinition rule, RuleBranch branch)
    {
        ReteNode? parent = null;
        foreach (var step in branch.Steps)
        {
            var leftLevel = step.Position - 1;
            ReteNode node = step switch
            {
                PatternStep pattern => BuildPattern(rule, pattern, parent, leftLevel),
                QuantifierStep quantifier => BuildQuantifier(rule, quantifier, leftLevel),
                QueryStep query => BuildQuery(rule, query, leftLevel),
                BindingStep binding => new BindingNode(ExpressionCompiler.OverToken<object?>(binding.Expression.Lambda.Body, binding.Expression.Parameters, leftLevel), binding.Expression.ToString()),
                FilterStep filter => new FilterNode(
                    filter.Conditions.Select(c => ExpressionCompiler.OverToken<bool>(c.Lambda.Body, c.Parameters, leftLevel)).ToArray(),
                    filter.Conditions.Select(c => c.ToString()).ToArray()),
                _ => throw new InvalidOperationException($"Unexpected step {step.GetType().Name}."),
            };

            Register(node, rule);
            if (node is not AlphaAdapterNode)
            {
                if (parent is null)
                {
                    _root.Children.Add(node);
                }
                else
                {
                    parent.Child = node;
                }
            }

            parent = node;
        }

        var level = branch.Steps.Count;
        var actions = branch.Actions.Select(a => CompileAction(a, level)).ToArray();
        var terminal = new TerminalNode(new CompiledRule(rule, branch, level, actions));
        Register(terminal, rule);
        parent!.Child = terminal;
        _terminals.Add(terminal);
    }

    private void Register(ReteNode node, RuleDefinition rule)
    {
        node.Id = _nextId++;
        node.AddRule(rule.Name);
        if (node is BinaryNode)
        {
            node.MemoryIndex = _nextMemory++;
        }
    }

    private ReteNode BuildPattern(RuleDefinition rule, PatternStep pattern, ReteNode? parent, int leftLevel)
    {
        var (alpha, beta) = Split(pattern.Conditions, pattern.Declaration);
        var memory = BuildAlpha(rule, pattern.Declaration.Type, alpha);
        if (parent is null && beta.Count == 0)
        {
            var adapter = new AlphaAdapterNode();
            memory.Sinks.Add(adapter);
            return adapter;
        }

        var join = new JoinNode();
        Configure(join, beta, pattern.Declaration, leftLevel);
        memory.Sinks.Add(join);
        return join;
    }

    private QuantifierNode BuildQuantifier(RuleDefinition rule, QuantifierStep quantifier, int leftLevel)
    {
        var (alpha, beta) = Split(quantifier.Conditions, quantifier.Element);
        var memory = BuildAlpha(rule, quantifier.Element.Type, alpha);
        var node = new QuantifierNode(quantifier.Kind == QuantifierKind.Not);
        Configure(node, beta, quantifier.Element, leftLevel);
        memory.Sinks.Add(node);
        return node;
    }

    private AggregateNode BuildQuery(RuleDefinition rule, QueryStep query, int leftLevel)
    {
        var (alpha, beta) = Split(query.SourceConditions, query.Source);
        var memory = BuildAlpha(rule, query.Source.Type, alpha);
        var plans = new List<QueryOperationPlan>();
        foreach (var operation in query.Operations)
        {
            switch (operation.Operation)
            {
                case QueryOperation.Where:
                    plans.Add(new WherePlan(
                        operation.Expressions.Select(e => ExpressionCompiler.OverElement<bool>(e, operation.Input, leftLevel)).ToArray(),
                        operation.Expressions.Select(e => e.ToString()).ToArray()));
                    break;
                case QueryOperation.Select:
                    plans.Add(new SelectPlan(ExpressionCompiler.OverElement<object?>(operation.Expressions[0], operation.Input, leftLevel), operation.Expressions[0].ToString()));
                    break;
                case QueryOperation.SelectMany:
                    plans.Add(new SelectManyPlan(ExpressionCompiler.SelectMany(operation.Expressions[0], operation.Input, leftLevel), operation.Expressions[0].ToString()));
                    break;
                case QueryOperation.GroupBy:
                    plans.Add(new GroupByPlan(
                        ExpressionCompiler.OverElement<object?>(operation.Expressions[0], operation.Input, leftLevel),
                        ExpressionCompiler.OverElement<object?>(operation.Expressions[1], operation.Input, leftLevel),
                        ExpressionCompiler.GroupingFactory(operation.ResultType),
                        operation.Expressions[0].ToString()));
                    break;
                case QueryOperation.Collect:
                    plans.Add(new CollectPlan(ExpressionCompiler.CollectionFactory(operation.InputType)));
                    break;
            }
        }

        var node = new AggregateNode([.. plans], query.IsCollect);
        Configure(node, beta, query.Source, leftLevel);
        memory.Sinks.Add(node);
        return node;
    }

    /// <summary>
    /// Splits a pattern's conditions, in the order written, into the alpha prefix (conditions on the fact alone) and
    /// the rest, evaluated by the beta node in order. A condition on the fact alone that follows one reading earlier
    /// aliases stays in the beta node, so a guard such as <c>c.Address != null &amp;&amp; f.City == c.Address.City</c>
    /// still protects what follows it, as C#'s <c>&amp;&amp;</c> does.
    /// </summary>
    private static (List<BoundExpression> Alpha, List<BoundExpression> Beta) Split(IReadOnlyList<BoundExpression> conditions, Declaration self)
    {
        var alpha = new List<BoundExpression>();
        var beta = new List<BoundExpression>();
        foreach (var condition in conditions)
        {
            if (beta.Count == 0 && condition.Parameters.All(p => ReferenceEquals(p, self)))
            {
                alpha.Add(condition);
            }
            else
            {
                beta.Add(condition);
            }
        }

        return (alpha, beta);
    }

    private AlphaMemoryNode BuildAlpha(RuleDefinition rule, Type type, List<BoundExpression> conditions)
    {
        if (!_typeNodes.TryGetValue(type, out var typeNode))
        {
            typeNode = new TypeNode(type) { Id = _nextId++ };
            _typeNodes.Add(type, typeNode);
        }

        AlphaNode node = typeNode;
        foreach (var condition in conditions)
        {
            var key = new ExpressionKey(condition.Lambda);
            if (!_selections.TryGetValue((node, key), out var selection))
            {
                var bound = condition;
                selection = new SelectionNode(new AlphaCondition(() => ExpressionCompiler.Alpha(bound), condition.ToString()), key)
                {
                    Id = _nextId++,
                    Equality = HashableEquality(condition),
                };
                node.Children.Add(selection);
                _selections.Add((node, key), selection);
            }

            selection.AddRule(rule.Name);
            node = selection;
        }

        node.Memory ??= new AlphaMemoryNode { Id = _nextId++ };
        node.Memory.AddRule(rule.Name);
        return node.Memory;
    }

    /// <summary>Moves the children of each alpha node that compare one member with constants into hashed dispatches.</summary>
    public void Finish()
    {
        foreach (var typeNode in _typeNodes.Values)
        {
            Finish(typeNode);
        }
    }

    private const int DispatchThreshold = 3;

    private static void Finish(AlphaNode node)
    {
        var groups = node.Children.Where(c => c.Equality is not null).GroupBy(c => c.Equality!.Value.MemberKey).Where(g => g.Count() >= DispatchThreshold).ToList();
        if (groups.Count > 0)
        {
            var dispatches = new List<AlphaDispatch>();
            foreach (var group in groups)
            {
                var member = group.First().Equality!.Value.Member;
                var keyOf = ExpressionCompiler.OverParameter<object?>(member.Body, member.Parameters[0]);
                var byValue = group.GroupBy(c => c.Equality!.Value.Value).ToDictionary(g => g.Key, g => g.ToArray());
                dispatches.Add(new AlphaDispatch(keyOf, byValue, member.ToString()));
                foreach (var child in group)
                {
                    node.Children.Remove(child);
                }
            }

            node.Dispatches = [.. dispatches];
        }

        foreach (var child in node.Children)
        {
            child.Condition.Prepare();
        }

        foreach (var child in node.Children.Concat(node.Dispatches.SelectMany(d => d.Members)))
        {
            Finish(child);
        }
    }

    /// <summary>Recognises <c>x.A.B == constant</c> (either side) on a key type whose Equals agrees with ==.</summary>
    private static (LambdaExpression Member, ExpressionKey MemberKey, object Value)? HashableEquality(BoundExpression condition)
    {
        if (condition.Parameters.Count != 1 || condition.Lambda.Body is not BinaryExpression { NodeType: ExpressionType.Equal } equal)
        {
            return null;
        }

        if (equal.Method is not null && equal.Method != typeof(string).GetMethod("op_Equality", [typeof(string), typeof(string)]))
        {
            return null;
        }

        var parameter = condition.Lambda.Parameters[0];
        var (memberSide, constantSide) = IsMemberChain(equal.Left, parameter) ? (equal.Left, equal.Right)
            : IsMemberChain(equal.Right, parameter) ? (equal.Right, equal.Left)
            : (null, null);
        if (memberSide is null || constantSide is null || !IsClosedConstant(constantSide) || !IsHashableType(memberSide.Type))
        {
            return null;
        }

        object? value;
        try
        {
            value = Expression.Lambda<Func<object?>>(Expression.Convert(constantSide, typeof(object))).Compile(preferInterpretation: true)();
        }
        catch (InvalidOperationException)
        {
            return null;
        }

        if (value is null)
        {
            return null;
        }

        var member = Expression.Lambda(memberSide, parameter);
        return (member, new ExpressionKey(member), value);
    }

    private static bool IsMemberChain(Expression expression, ParameterExpression parameter) =>
        expression is not ParameterExpression && EndsAt(expression, parameter);

    private static bool EndsAt(Expression expression, ParameterExpression parameter) => expression switch
    {
        ParameterExpression p => p == parameter,
        MemberExpression { Expression: { } inner } => EndsAt(inner, parameter),
        UnaryExpression { NodeType: ExpressionType.Convert, Method: null } convert => EndsAt(convert.Operand, parameter),
        _ => false,
    };

    private static bool IsClosedConstant(Expression expression) => expression switch
    {
        ConstantExpression => true,
        UnaryExpression { NodeType: ExpressionType.Convert, Method: null } convert => IsClosedConstant(convert.Operand),
        _ => false,
    };

    private static bool IsHashableType(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying == typeof(string) || underlying.IsEnum || underlying == typeof(bool) || underlying == typeof(char)
            || underlying == typeof(byte) || underlying == typeof(sbyte) || underlying == typeof(short) || underlying == typeof(ushort)
            || underlying == typeof(int) || underlying == typeof(uint) || underlying == typeof(long) || underlying == typeof(ulong);
    }

    private static void Configure(BinaryNode node, List<BoundExpression> conditions, Declaration right, int leftLevel)
    {
        var compiled = new List<BetaCondition>();
        foreach (var condition in conditions)
        {
            // Only the first beta condition can become the hash key: a key is computed for every token and fact,
            // so it must not run ahead of a guard written before it.
            if (compiled.Count == 0 && node.Key is null && TryJoinKey(condition, right, leftLevel, out var key))
            {
                node.Key = key;
                continue;
            }

            compiled.Add(new BetaCondition(ExpressionCompiler.Beta(condition, right, leftLevel), condition.ToString()));
        }

        node.Conditions = [.. compiled];
    }

    /// <summary>Recognises <c>f(right) == g(left)</c> and compiles it into a hash key on both sides.</summary>
    private static bool TryJoinKey(BoundExpression condition, Declaration right, int leftLevel, out IJoinKey? key)
    {
        key = null;
        if (condition.Lambda.Body is not BinaryExpression { NodeType: ExpressionType.Equal } equal || !condition.References(right))
        {
            return false;
        }

        var leftRefs = References(equal.Left, condition.Parameters);
        var rightRefs = References(equal.Right, condition.Parameters);
        Expression factSide;
        Expression tokenSide;
        if (leftRefs.Count == 1 && leftRefs[0] == right && rightRefs.Count > 0 && !rightRefs.Contains(right))
        {
            (factSide, tokenSide) = (equal.Left, equal.Right);
        }
        else if (rightRefs.Count == 1 && rightRefs[0] == right && leftRefs.Count > 0 && !leftRefs.Contains(right))
        {
            (factSide, tokenSide) = (equal.Right, equal.Left);
        }
        else
        {
            return false;
        }

        if (factSide.Type != tokenSide.Type || ComparerFor(equal, factSide.Type) is not { } comparer)
        {
            return false;
        }

        var keyType = factSide.Type;
        var tokenParameters = References(tokenSide, condition.Parameters);
        var leftKey = typeof(ExpressionCompiler).GetMethod(nameof(ExpressionCompiler.OverToken))!.MakeGenericMethod(keyType)
            .Invoke(null, [tokenSide, tokenParameters, leftLevel])!;
        var rightKey = typeof(ExpressionCompiler).GetMethod(nameof(ExpressionCompiler.OverFact))!.MakeGenericMethod(keyType)
            .Invoke(null, [factSide, new[] { right }])!;
        key = (IJoinKey)Activator.CreateInstance(typeof(JoinKey<>).MakeGenericType(keyType),
            leftKey, rightKey, comparer, tokenSide.ToString(), factSide.ToString())!;
        return true;
    }

    private static List<Declaration> References(Expression expression, IReadOnlyList<Declaration> candidates)
    {
        var finder = new ParameterFinder();
        finder.Visit(expression);
        return candidates.Where(d => finder.Found.Contains(d.Parameter)).ToList();
    }

    /// <summary>The comparer that agrees with <c>==</c> for this key type, or null when none is known to agree.</summary>
    private static object? ComparerFor(BinaryExpression equal, Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (equal.Method is null)
        {
            if (underlying.IsEnum || underlying == typeof(bool) || underlying == typeof(char) || underlying == typeof(byte) || underlying == typeof(sbyte)
                || underlying == typeof(short) || underlying == typeof(ushort) || underlying == typeof(int) || underlying == typeof(uint)
                || underlying == typeof(long) || underlying == typeof(ulong) || underlying == typeof(nint) || underlying == typeof(nuint))
            {
                return DefaultComparer(type);
            }

            // Reference equality on a class without ==: hash by reference, not by Equals.
            return !type.IsValueType ? ReferenceEqualityComparer.Instance : null;
        }

        var known = underlying == typeof(string) || underlying == typeof(decimal) || underlying == typeof(DateTime) || underlying == typeof(DateOnly)
            || underlying == typeof(TimeOnly) || underlying == typeof(TimeSpan) || underlying == typeof(Guid) || underlying == typeof(DateTimeOffset)
            || IsRecord(underlying);
        return known && equal.Method.Name == "op_Equality" ? DefaultComparer(type) : null;
    }

    private static bool IsRecord(Type type) =>
        type.GetProperty("EqualityContract", BindingFlags.Instance | BindingFlags.NonPublic)?.GetMethod?.IsDefined(typeof(CompilerGeneratedAttribute)) == true;

    private static object DefaultComparer(Type type) =>
        typeof(EqualityComparer<>).MakeGenericType(type).GetProperty(nameof(EqualityComparer<int>.Default))!.GetValue(null)!;

    private static CompiledAction CompileAction(ActionModel action, int level) => action switch
    {
        ExecuteAction execute => new ExecuteActionPlan(execute.Trigger, ExpressionCompiler.Action(execute, level), execute.Lambda.Body.ToString()),
        YieldAction yield => new YieldActionPlan(
            ExpressionCompiler.YieldInsert(yield, level),
            yield.Update is null ? null : ExpressionCompiler.YieldUpdate(yield, level),
            yield.Key,
            yield.Insert.Body.ToString()),
        _ => throw new InvalidOperationException($"Unexpected action {action.GetType().Name}."),
    };

    private sealed class ParameterFinder : ExpressionVisitor
    {
        public HashSet<ParameterExpression> Found { get; } = [];

        protected override Expression VisitParameter(ParameterExpression node)
        {
            Found.Add(node);
            return node;
        }
    }
}
