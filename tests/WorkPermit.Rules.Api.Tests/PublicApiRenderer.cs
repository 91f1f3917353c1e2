using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;

namespace WorkPermit.Rules.Api.Tests;

/// <summary>Renders the public surface of an assembly as stable text: one line per public type and member, sorted,
/// with full signatures, so any change to the API shows up as a diff of the approved file.</summary>
public static class PublicApiRenderer
{
    public static string Render(Assembly assembly)
    {
        var lines = new List<string>();
        foreach (var type in assembly.GetExportedTypes().OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            lines.Add(TypeLine(type));
            const BindingFlags flags = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            var members = new List<string>();
            foreach (var member in type.GetMembers(flags))
            {
                if (member is MethodInfo { IsSpecialName: true } || member is Type || IsCompilerNoise(type, member))
                {
                    continue;
                }

                members.Add("  " + MemberLine(member));
            }

            foreach (var member in type.GetMembers(BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            {
                if (member is MethodBase { IsFamily: true } or MethodBase { IsFamilyOrAssembly: true } && member is not MethodInfo { IsSpecialName: true })
                {
                    members.Add("  " + MemberLine(member));
                }
            }

            lines.AddRange(members.Order(StringComparer.Ordinal));
        }

        return string.Join("\n", lines) + "\n";
    }

    private static bool IsCompilerNoise(Type type, MemberInfo member) =>
        member.Name is "<Clone>$" or "EqualityContract"
        || member.IsDefined(typeof(CompilerGeneratedAttribute)) && member is MethodInfo { Name: "PrintMembers" or "Deconstruct" } == false && member.Name.StartsWith('<');

    private static string TypeLine(Type type)
    {
        var kind = type.IsInterface ? "interface"
            : type.IsEnum ? "enum"
            : type.IsValueType ? (type.IsDefined(typeof(IsReadOnlyAttribute)) ? "readonly struct" : "struct")
            : typeof(Delegate).IsAssignableFrom(type) ? "delegate"
            : type.IsAbstract && type.IsSealed ? "static class"
            : (type.IsSealed ? "sealed " : type.IsAbstract ? "abstract " : string.Empty) + (type.GetMethod("<Clone>$") is not null ? "record" : "class");
        var bases = new List<string>();
        if (type.BaseType is { } baseType && baseType != typeof(object) && baseType != typeof(ValueType) && baseType != typeof(Enum))
        {
            bases.Add(Name(baseType));
        }

        bases.AddRange(type.GetInterfaces().Where(i => i.IsPublic || i.IsNestedPublic).Select(Name).Order(StringComparer.Ordinal));
        var attributes = Attributes(type);
        return $"{attributes}{kind} {Name(type)}{(bases.Count > 0 ? " : " + string.Join(", ", bases) : string.Empty)}";
    }

    private static string MemberLine(MemberInfo member) => member switch
    {
        ConstructorInfo c => $"{Access(c)}ctor({Parameters(c)})",
        MethodInfo m => $"{Access(m)}{(m.IsStatic ? "static " : m.IsAbstract ? "abstract " : m.IsVirtual && !m.IsFinal ? "virtual " : string.Empty)}{Name(m.ReturnType)} {m.Name}{Generic(m)}({Parameters(m)})",
        PropertyInfo p => $"{(p.GetMethod?.IsStatic == true ? "static " : string.Empty)}{Name(p.PropertyType)} {p.Name} {{ {Accessors(p)}}}",
        FieldInfo f => $"{(f.IsLiteral ? "const " : f.IsStatic ? "static " : string.Empty)}{(f.IsInitOnly ? "readonly " : string.Empty)}{Name(f.FieldType)} {f.Name}{(f.IsLiteral ? " = " + f.GetRawConstantValue() : string.Empty)}",
        EventInfo e => $"event {Name(e.EventHandlerType!)} {e.Name}",
        _ => member.ToString() ?? member.Name,
    };

    private static string Access(MethodBase method) => method.IsFamily || method.IsFamilyOrAssembly ? "protected " : string.Empty;

    private static string Accessors(PropertyInfo property)
    {
        var text = new StringBuilder();
        if (property.GetMethod is { IsPublic: true } or { IsFamily: true })
        {
            text.Append("get; ");
        }

        if (property.SetMethod is { } setter && (setter.IsPublic || setter.IsFamily))
        {
            var init = setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit));
            text.Append(init ? "init; " : "set; ");
        }

        return text.ToString();
    }

    private static string Generic(MethodInfo method) =>
        method.IsGenericMethodDefinition ? "<" + string.Join(", ", method.GetGenericArguments().Select(a => a.Name + Constraints(a))) + ">" : string.Empty;

    private static string Constraints(Type argument)
    {
        var constraints = new List<string>();
        var attributes = argument.GenericParameterAttributes;
        if (attributes.HasFlag(GenericParameterAttributes.ReferenceTypeConstraint))
        {
            constraints.Add("class");
        }

        if (attributes.HasFlag(GenericParameterAttributes.NotNullableValueTypeConstraint))
        {
            constraints.Add("struct");
        }

        constraints.AddRange(argument.GetGenericParameterConstraints().Where(c => c != typeof(ValueType)).Select(Name));
        return constraints.Count > 0 ? " : " + string.Join(", ", constraints) : string.Empty;
    }

    private static string Parameters(MethodBase method) =>
        string.Join(", ", method.GetParameters().Select(p =>
            (p.IsDefined(typeof(ParamArrayAttribute)) ? "params " : string.Empty)
            + (p.IsOut ? "out " : p.ParameterType.IsByRef ? "ref " : string.Empty)
            + Name(p.ParameterType.IsByRef ? p.ParameterType.GetElementType()! : p.ParameterType) + " " + p.Name
            + (p.HasDefaultValue ? " = " + (p.DefaultValue ?? "null") : string.Empty)));

    private static string Attributes(Type type)
    {
        var names = type.GetCustomAttributesData()
            .Select(a => a.AttributeType)
            .Where(t => t == typeof(FlagsAttribute) || t == typeof(AttributeUsageAttribute))
            .Select(t => t.Name.Replace("Attribute", string.Empty, StringComparison.Ordinal))
            .ToArray();
        return names.Length > 0 ? $"[{string.Join(", ", names)}] " : string.Empty;
    }

    public static string Name(Type type)
    {
        if (type.IsGenericParameter)
        {
            return type.Name;
        }

        if (type.IsArray)
        {
            return Name(type.GetElementType()!) + "[]";
        }

        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return Name(underlying) + "?";
        }

        var name = type.IsNested ? Name(type.DeclaringType!) + "." + type.Name : type.Namespace + "." + type.Name;
        if (type.IsGenericType)
        {
            var tick = name.IndexOf('`', StringComparison.Ordinal);
            name = (tick >= 0 ? name[..tick] : name) + "<" + string.Join(", ", type.GetGenericArguments().Select(Name)) + ">";
        }

        return name;
    }
}
