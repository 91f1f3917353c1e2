using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using WorkPermit.Rules.Engine.Dsl;
using WorkPermit.Rules.Engine.RuleModel;

namespace WorkPermit.Rules.Engine.Model;

/// <summary>Turns what a rule's Define() recorded into the canonical model: Or groups expanded into branches,
/// aliases resolved into declarations, captured locals folded into constants, conjunctions split.</summary>
internal static class RuleDefinitionFactory
{
    private const int MaxBranches = 256;

    private static readonly MethodInfo ResolveMethod = typeof(IContext).GetMethod(nameof(IContext.Resolve))!;

    public static RuleDefinition Create(RuleMetadata metadata, RawRule raw, object? ruleInstance)
    {
        _ = ruleInstance;
        var context = new FactoryContext(metadata);
        context.CollectAliases(raw);

        var alternatives = Expand(raw.Root, context);
        if (alternatives.Count == 0 || (alternatives.Count == 1 && alternatives[0].Count == 0))
        {
            throw context.Error("it has no conditions; call When().Match<T>(...) (or Not, Exists, All, Query) in Define().");
        }

        if (raw.Actions.Count == 0)
        {
            throw context.Error("it has no actions; call Then().Do(...) or Then().Yield(...) in Define().");
        }

        var branches = new List<RuleBranch>(alternatives.Count);
        for (var i = 0; i < alternatives.Count; i++)
        {
            branches.Add(ResolveBranch(alternatives[i], raw, context, alternatives.Count > 1 ? i + 1 : 0));
        }

        return new RuleDefinition(metadata, branches);
    }

    private static List<List<RawElement>> Expand(RawGroup group, FactoryContext context)
    {
        if (group.IsOr)
        {
            var union = new List<List<RawElement>>();
            foreach (var item in group.Items)
            {
                union.AddRange(ExpandItem(item, context));
            }

            return union;
        }

        var product = new List<List<RawElement>> { new() };
        foreach (var item in group.Items)
        {
            var alternatives = ExpandItem(item, context);
            var next = new List<List<RawElement>>(product.Count * alternatives.Count);
            foreach (var prefix in product)
            {
                foreach (var alternative in alternatives)
                {
                    next.Add([.. prefix, .. alternative]);
                }
            }

            if (next.Count > MaxBranches)
            {
                throw context.Error($"its Or groups expand to more than {MaxBranches} branches.");
            }

            product = next;
        }

        return product;
    }

    private static List<List<RawElement>> ExpandItem(RawElement item, FactoryContext context) =>
        item is RawGroup nested ? Expand(nested, context) : [[item]];

    private static RuleBranch ResolveBranch(List<RawElement> elements, RawRule raw, FactoryContext context, int branchNumber)
    {
        var scope = new Dictionary<MemberInfo, Declaration>();
        var steps = new List<Step>();
        var bound = new List<Declaration>();
        var position = 0;
        var where = branchNumber > 0 ? $" (in Or branch {branchNumber})" : string.Empty;

        foreach (var element in elements)
        {
            switch (element)
            {
                case RawPattern pattern:
                {
                    position++;
                    var member = pattern.Alias is null ? null : context.AliasMember(pattern.Alias);
                    var declaration = context.Declare(member?.Name ?? $"${position}", pattern.FactType, position);
                    if (member is not null)
                    {
                        Bind(scope, member, declaration, context, where);
                    }

                    var conditions = new List<BoundExpression>();
                    foreach (var condition in pattern.Conditions)
                    {
                        conditions.AddRange(context.ResolveConditions(condition, declaration, scope, where));
                    }

                    foreach (var having in pattern.Having)
                    {
                        conditions.AddRange(context.ResolveConditions(having, null, scope, where));
                    }

                    steps.Add(new PatternStep(position, declaration, conditions));
                    bound.Add(declaration);
                    break;
                }

                case RawQuantifier quantifier:
                {
                    position++;
                    var element1 = context.Declare($"${position}", quantifier.FactType, position);
                    var conditions = new List<BoundExpression>();
                    foreach (var condition in quantifier.Conditions)
                    {
                        conditions.AddRange(context.ResolveConditions(condition, element1, scope, where));
                    }

                    steps.Add(new QuantifierStep(position, quantifier.Kind, element1, conditions));
                    break;
                }

                case RawForAll forAll:
                {
                    position++;
                    var element1 = context.Declare($"${position}", forAll.FactType, position);
                    var conditions = new List<BoundExpression>(context.ResolveConditions(forAll.BaseCondition, element1, scope, where));
                    var required = forAll.Conditions.Select(c => context.ResolveExpression(c, element1, scope, where, splitAllowed: false)).ToList();
                    Expression body = required[0].Lambda.Body;
                    for (var i = 1; i < required.Count; i++)
                    {
                        body = Expression.AndAlso(body, required[i].Lambda.Body);
                    }

                    conditions.Add(context.Bind(Expression.Not(body)));
                    steps.Add(new QuantifierStep(position, QuantifierKind.Not, element1, conditions));
                    break;
                }

                case RawQuery query:
                {
                    position++;
                    var member = context.AliasMember(query.Alias);
                    var source = context.Declare("$source", query.SourceType!, position);
                    var sourceConditions = new List<BoundExpression>();
                    foreach (var condition in query.SourceConditions)
                    {
                        sourceConditions.AddRange(context.ResolveConditions(condition, source, scope, where));
                    }

                    var operations = new List<QueryOperationModel>();
                    var current = query.SourceType!;
                    foreach (var step in query.Steps)
                    {
                        var input = context.Declare("$element", current, position);
                        var expressions = new List<BoundExpression>();
                        foreach (var lambda in step.Expressions)
                        {
                            if (step.Operation == QueryOperation.Where)
                            {
                                expressions.AddRange(context.ResolveConditions(lambda, input, scope, where));
                            }
                            else
                            {
                                expressions.Add(context.ResolveExpression(lambda, input, scope, where, splitAllowed: false));
                            }
                        }

                        operations.Add(new QueryOperationModel(step.Operation, current, step.ResultType, expressions, input));
                        current = step.ResultType;
                    }

                    var aliasType = query.Alias.ReturnType;
                    if (!aliasType.IsAssignableFrom(current))
                    {
                        throw context.Error($"query '{member.Name}' produces {current.Name}, which cannot be bound to {aliasType.Name}.");
                    }

                    var result = context.Declare(member.Name, aliasType, position);
                    Bind(scope, member, result, context, where);
                    steps.Add(new QueryStep(position, result, source, sourceConditions, operations));
                    bound.Add(result);
                    if (query.Having.Count > 0)
                    {
                        position++;
                        steps.Add(new FilterStep(position, query.Having.SelectMany(h => context.ResolveConditions(h, null, scope, where)).ToList()));
                    }

                    break;
                }

                case RawLet let:
                {
                    position++;
                    var member = context.AliasMember(let.Alias);
                    var expression = context.ResolveExpression(let.Expression, null, scope, where, splitAllowed: false);
                    var declaration = context.Declare(member.Name, let.Alias.ReturnType, position);
                    Bind(scope, member, declaration, context, where);
                    steps.Add(new BindingStep(position, declaration, expression));
                    bound.Add(declaration);
                    if (let.Having.Count > 0)
                    {
                        position++;
                        steps.Add(new FilterStep(position, let.Having.SelectMany(h => context.ResolveConditions(h, null, scope, where)).ToList()));
                    }

                    break;
                }

                default:
                    throw new InvalidOperationException($"Unexpected rule element {element.GetType().Name}.");
            }
        }

        var actions = new List<ActionModel>();
        foreach (var action in raw.Actions)
        {
            switch (action)
            {
                case RawDoAction execute:
                {
                    var (lambda, parameters) = context.ResolveAction(execute.Action, scope, where);
                    actions.Add(new ExecuteAction(execute.Trigger, lambda, parameters));
                    break;
                }

                case RawYieldAction yield:
                {
                    var (insert, insertParameters) = context.ResolveAction(yield.Insert, scope, where);
                    LambdaExpression? update = null;
                    IReadOnlyList<Declaration>? updateParameters = null;
                    if (yield.Update is not null)
                    {
                        (update, updateParameters) = context.ResolveAction(yield.Update, scope, where);
                    }

                    actions.Add(new YieldAction(yield.FactType, insert, insertParameters, update, updateParameters));
                    break;
                }
            }
        }

        return new RuleBranch(steps, actions, bound);
    }

    private static void Bind(Dictionary<MemberInfo, Declaration> scope, MemberInfo member, Declaration declaration, FactoryContext context, string where)
    {
        if (!scope.TryAdd(member, declaration))
        {
            throw context.Error($"alias '{member.Name}' is bound twice{where}.");
        }
    }

    private sealed class FactoryContext(RuleMetadata metadata)
    {
        private readonly HashSet<MemberInfo> _aliases = [];
        private readonly Dictionary<ParameterExpression, Declaration> _declarations = [];

        public Declaration Declare(string name, Type type, int position)
        {
            var declaration = new Declaration(name, type, position);
            _declarations.Add(declaration.Parameter, declaration);
            return declaration;
        }
        private readonly Dictionary<MemberInfo, Type> _services = [];

        public RuleDefinitionException Error(string problem) => new(metadata.Name, metadata.RuleType, problem);

        public void CollectAliases(RawRule raw)
        {
            Collect(raw.Root);
            foreach (var dependency in raw.Dependencies)
            {
                var member = AliasMember(dependency.Alias);
                if (!_services.TryAdd(member, dependency.ServiceType) || _aliases.Contains(member))
                {
                    throw Error($"alias '{member.Name}' is declared twice.");
                }
            }
        }

        private void Collect(RawGroup group)
        {
            foreach (var item in group.Items)
            {
                switch (item)
                {
                    case RawGroup nested: Collect(nested); break;
                    case RawPattern { Alias: not null } pattern: _aliases.Add(AliasMember(pattern.Alias)); break;
                    case RawQuery query: _aliases.Add(AliasMember(query.Alias)); break;
                    case RawLet let: _aliases.Add(AliasMember(let.Alias)); break;
                }
            }
        }

        public MemberInfo AliasMember(LambdaExpression alias)
        {
            var body = alias.Body;
            while (body is UnaryExpression { NodeType: ExpressionType.Convert } convert)
            {
                body = convert.Operand;
            }

            if (alias.Parameters.Count == 0 && body is MemberExpression { Member: FieldInfo field } member && IsClosure(member.Expression))
            {
                return field;
            }

            throw Error($"an alias must be a local variable of Define() written as () => name, but got {alias}.");
        }

        public IEnumerable<BoundExpression> ResolveConditions(LambdaExpression lambda, Declaration? self, Dictionary<MemberInfo, Declaration> scope, string where)
        {
            var body = Rewrite(lambda, self, scope, where, context: null, allowServices: false);
            foreach (var conjunct in Conjuncts(body))
            {
                if (conjunct is ConstantExpression { Value: true })
                {
                    continue;
                }

                yield return Bind(conjunct);
            }
        }

        public BoundExpression ResolveExpression(LambdaExpression lambda, Declaration? self, Dictionary<MemberInfo, Declaration> scope, string where, bool splitAllowed)
        {
            _ = splitAllowed;
            return Bind(Rewrite(lambda, self, scope, where, context: null, allowServices: false));
        }

        public (LambdaExpression Lambda, IReadOnlyList<Declaration> Parameters) ResolveAction(LambdaExpression lambda, Dictionary<MemberInfo, Declaration> scope, string where)
        {
            var contextParameter = lambda.Parameters[0];
            var body = Rewrite(lambda, null, scope, where, contextParameter, allowServices: true);
            var declarations = DeclarationFinder.Find(body, _declarations);
            var parameters = new List<ParameterExpression>(lambda.Parameters);
            parameters.AddRange(declarations.Select(d => d.Parameter));
            return (Expression.Lambda(body, parameters), declarations);
        }

        public BoundExpression Bind(Expression body)
        {
            var declarations = DeclarationFinder.Find(body, _declarations);
            return new BoundExpression(Expression.Lambda(body, declarations.Select(d => d.Parameter)), declarations);
        }

        private Expression Rewrite(LambdaExpression lambda, Declaration? self, Dictionary<MemberInfo, Declaration> scope, string where,
            ParameterExpression? context, bool allowServices)
        {
            var replacements = new Dictionary<ParameterExpression, Expression>();
            if (self is not null)
            {
                if (lambda.Parameters.Count != 1)
                {
                    throw Error($"condition {lambda} must take exactly one parameter.");
                }

                Expression replacement = self.Parameter;
                if (lambda.Parameters[0].Type != self.Type)
                {
                    replacement = Expression.Convert(self.Parameter, lambda.Parameters[0].Type);
                }

                replacements.Add(lambda.Parameters[0], replacement);
            }

            var rewriter = new AliasRewriter(this, replacements, scope, where, context, allowServices);
            return rewriter.Visit(lambda.Body);
        }

        private static IEnumerable<Expression> Conjuncts(Expression body)
        {
            if (body is BinaryExpression { NodeType: ExpressionType.AndAlso, Method: null } and)
            {
                foreach (var left in Conjuncts(and.Left))
                {
                    yield return left;
                }

                foreach (var right in Conjuncts(and.Right))
                {
                    yield return right;
                }
            }
            else
            {
                yield return body;
            }
        }

        private sealed class AliasRewriter(
            FactoryContext owner,
            Dictionary<ParameterExpression, Expression> replacements,
            Dictionary<MemberInfo, Declaration> scope,
            string where,
            ParameterExpression? context,
            bool allowServices) : ExpressionVisitor
        {
            protected override Expression VisitParameter(ParameterExpression node) =>
                replacements.TryGetValue(node, out var replacement) ? replacement : node;

            protected override Expression VisitMember(MemberExpression node)
            {
                if (node.Member is FieldInfo field && IsClosure(node.Expression))
                {
                    if (scope.TryGetValue(field, out var declaration))
                    {
                        return declaration.Parameter;
                    }

                    if (owner._services.TryGetValue(field, out var serviceType))
                    {
                        if (!allowServices || context is null)
                        {
                            throw owner.Error($"service '{field.Name}' from Dependency() can only be used in actions.");
                        }

                        return Expression.Convert(Expression.Call(context, ResolveMethod, Expression.Constant(serviceType, typeof(Type))), serviceType);
                    }

                    if (owner._aliases.Contains(field))
                    {
                        throw owner.Error($"alias '{field.Name}' is used before it is bound{where}.");
                    }

                    // A captured local that is not an alias: fold its current value into the expression.
                    return Expression.Constant(Evaluate(node), node.Type);
                }

                return base.VisitMember(node);
            }
        }

        private static object? Evaluate(Expression expression) => expression switch
        {
            ConstantExpression constant => constant.Value,
            MemberExpression { Member: FieldInfo field } member => field.GetValue(member.Expression is null ? null : Evaluate(member.Expression)),
            _ => throw new InvalidOperationException($"Cannot evaluate {expression}."),
        };

        private static bool IsClosure(Expression? expression) => expression switch
        {
            ConstantExpression { Value: not null } constant => IsCompilerGenerated(constant.Value.GetType()),
            MemberExpression { Member: FieldInfo field } member => IsCompilerGenerated(field.DeclaringType) && IsClosure(member.Expression),
            _ => false,
        };

        private static bool IsCompilerGenerated(Type? type) =>
            type is not null && type.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false);
    }

    /// <summary>Finds the declarations an expression reads, in position order.</summary>
    private sealed class DeclarationFinder : ExpressionVisitor
    {
        private readonly Dictionary<ParameterExpression, Declaration> _known;
        private readonly List<Declaration> _found = [];

        private DeclarationFinder(Dictionary<ParameterExpression, Declaration> known) => _known = known;

        public static List<Declaration> Find(Expression body, Dictionary<ParameterExpression, Declaration> known)
        {
            var finder = new DeclarationFinder(known);
            finder.Visit(body);
            finder._found.Sort((a, b) => a.Position != b.Position ? a.Position.CompareTo(b.Position) : string.CompareOrdinal(a.Name, b.Name));
            return finder._found;
        }

        protected override Expression VisitParameter(ParameterExpression node)
        {
            if (_known.TryGetValue(node, out var declaration) && !_found.Contains(declaration))
            {
                _found.Add(declaration);
            }

            return node;
        }
    }

}
