using System.Reflection;

namespace WorkPermit.Rules.Testing;

/// <summary>
/// Reads and sets the facts of a <see cref="WorkPermitProfile"/> by their JSON path (for example
/// <c>travel.arrivalDate</c>), so that a property test can answer, forget or move any fact generically. Profiles are
/// immutable: every method returns a new profile and leaves its argument unchanged.
/// </summary>
public static class ProfileFacts
{
    private static readonly Dictionary<string, Accessor> Accessors = Build();

    /// <summary>The facts whose absence is never unknown: a missing event date falls back to the evaluation date, a
    /// missing evaluation date to today's date from the evaluator's clock (contract, "As-of dates"), and a profile that
    /// does not say it is a Super Visa application is not one (IME-02).</summary>
    /// <value>JSON paths.</value>
    public static IReadOnlyList<string> Defaulted { get; } = ["evaluationDate", "travel.arrivalDate", "application.submittedDate", "application.superVisa"];

    /// <summary>The officer's judgments (<c>officer.satisfiedDepartureIntent</c>, <c>person.securityConcern</c>): never asked.</summary>
    /// <value>JSON paths.</value>
    public static IReadOnlyList<string> OfficerJudgments { get; } =
        ProfileJson.Facts.Where(f => f.IsOfficerJudgment).Select(f => f.Path).ToArray();

    /// <summary>The profile's groups by JSON name (<c>person</c>, <c>officer</c>, <c>statusInCanada</c>...).</summary>
    /// <value>Group names, in the contract's order.</value>
    public static IReadOnlyList<string> Groups { get; } =
        ProfileJson.Facts.Where(f => f.Path.Contains('.', StringComparison.Ordinal)).Select(f => f.Path.Split('.')[0]).Distinct().ToArray();

    /// <summary>Gets every fact of the contract.</summary>
    /// <value>The descriptors, in the contract's order.</value>
    public static IReadOnlyList<FactDescriptor> All => ProfileJson.Facts;

    /// <summary>Finds a fact's descriptor by its JSON path.</summary>
    /// <param name="path">The path, for example <c>travel.mode</c>.</param>
    /// <returns>The descriptor.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is not a fact of the contract.</exception>
    public static FactDescriptor Describe(string path) => Find(path).Descriptor;

    /// <summary>Reads a fact.</summary>
    /// <param name="profile">The profile.</param>
    /// <param name="path">The fact's JSON path.</param>
    /// <returns>The value (a <see cref="bool"/>, enumeration value, <see cref="DateOnly"/>, <see cref="DateTimeOffset"/>,
    /// <see cref="string"/>, <see cref="int"/>, <see cref="decimal"/>, list of country codes or list of
    /// <see cref="ResidencePeriod"/>), or <see langword="null"/> when the profile leaves it unknown.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="profile"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is not a fact of the contract.</exception>
    public static object? Get(WorkPermitProfile profile, string path)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var accessor = Find(path);
        if (accessor.Group is null)
        {
            return accessor.Fact.GetValue(profile);
        }

        var group = accessor.Group.GetValue(profile);
        return group is null ? null : accessor.Fact.GetValue(group);
    }

    /// <summary>Whether the profile gives a fact.</summary>
    /// <param name="profile">The profile.</param>
    /// <param name="path">The fact's JSON path.</param>
    /// <returns><see langword="true"/> when the fact is not null.</returns>
    public static bool IsKnown(WorkPermitProfile profile, string path) => Get(profile, path) is not null;

    /// <summary>Returns a copy of the profile with one fact set (or, with <see langword="null"/>, made unknown). A group
    /// left with no fact is removed.</summary>
    /// <param name="profile">The profile.</param>
    /// <param name="path">The fact's JSON path.</param>
    /// <param name="value">The value, of the fact's type (see <see cref="Get"/>), or <see langword="null"/>.</param>
    /// <returns>The new profile.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="profile"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is not a fact, or <paramref name="value"/> is not of its type.</exception>
    public static WorkPermitProfile With(WorkPermitProfile profile, string path, object? value)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var accessor = Find(path);
        value = Convert(accessor, value);
        var copy = Clone(profile);
        if (accessor.Group is null)
        {
            accessor.Fact.SetValue(copy, value);
            return copy;
        }

        var group = accessor.Group.GetValue(copy);
        if (group is null)
        {
            if (value is null)
            {
                return copy;
            }

            group = Activator.CreateInstance(accessor.Group.PropertyType)!;
        }
        else
        {
            group = Clone(group);
        }

        accessor.Fact.SetValue(group, value);
        accessor.Group.SetValue(copy, IsEmpty(group) ? null : group);
        return copy;
    }

    /// <summary>Returns a copy of the profile with a fact made unknown.</summary>
    /// <param name="profile">The profile.</param>
    /// <param name="path">The fact's JSON path.</param>
    /// <returns>The new profile.</returns>
    public static WorkPermitProfile Without(WorkPermitProfile profile, string path) => With(profile, path, null);

    /// <summary>Returns a copy of the profile with a whole group made unknown.</summary>
    /// <param name="profile">The profile.</param>
    /// <param name="group">The group's JSON name, for example <c>travel</c>.</param>
    /// <returns>The new profile.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="profile"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="group"/> is not a group of the profile.</exception>
    public static WorkPermitProfile WithoutGroup(WorkPermitProfile profile, string group)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var property = typeof(WorkPermitProfile).GetProperty(Pascal(group))
            ?? throw new ArgumentException($"'{group}' is not a group of the profile.", nameof(group));
        var copy = Clone(profile);
        property.SetValue(copy, null);
        return copy;
    }

    /// <summary>Whether a group of the profile is given.</summary>
    /// <param name="profile">The profile.</param>
    /// <param name="group">The group's JSON name.</param>
    /// <returns><see langword="true"/> when the group is not null.</returns>
    public static bool HasGroup(WorkPermitProfile profile, string group)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return typeof(WorkPermitProfile).GetProperty(Pascal(group))?.GetValue(profile) is not null;
    }

    /// <summary>The facts the profile gives.</summary>
    /// <param name="profile">The profile.</param>
    /// <returns>Their JSON paths, in the contract's order.</returns>
    public static IReadOnlyList<string> Known(WorkPermitProfile profile) =>
        ProfileJson.Facts.Where(f => IsKnown(profile, f.Path)).Select(f => f.Path).ToArray();

    private static Accessor Find(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Accessors.TryGetValue(path, out var accessor)
            ? accessor
            : throw new ArgumentException($"'{path}' is not a fact of the profile.", nameof(path));
    }

    private static object? Convert(Accessor accessor, object? value)
    {
        if (value is null)
        {
            return null;
        }

        var target = Nullable.GetUnderlyingType(accessor.Fact.PropertyType) ?? accessor.Fact.PropertyType;
        if (target.IsInstanceOfType(value))
        {
            return value;
        }

        return value switch
        {
            IEnumerable<string> codes when target == typeof(IReadOnlyList<string>) => codes.ToArray(),
            IEnumerable<ResidencePeriod> periods when target == typeof(IReadOnlyList<ResidencePeriod>) => periods.ToArray(),
            int i when target == typeof(decimal) => (decimal)i,
            _ => throw new ArgumentException($"{accessor.Descriptor.Path} takes a {target.Name}, not a {value.GetType().Name}.", nameof(value)),
        };
    }

    private static bool IsEmpty(object group)
    {
        foreach (var property in group.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.CanWrite && property.GetValue(group) is not null)
            {
                return false;
            }
        }

        return true;
    }

    private static T Clone<T>(T record)
        where T : notnull
    {
        var clone = record.GetType().GetMethod("<Clone>$", BindingFlags.Public | BindingFlags.Instance)
            ?? throw new InvalidOperationException($"{record.GetType().Name} is not a record.");
        return (T)clone.Invoke(record, null)!;
    }

    private static string Pascal(string name) => string.Concat(char.ToUpperInvariant(name[0]).ToString(), name[1..]);

    private static Dictionary<string, Accessor> Build()
    {
        var accessors = new Dictionary<string, Accessor>(StringComparer.Ordinal);
        foreach (var fact in ProfileJson.Facts)
        {
            var parts = fact.Path.Split('.');
            if (parts.Length == 1)
            {
                accessors[fact.Path] = new Accessor(fact, null, typeof(WorkPermitProfile).GetProperty(Pascal(parts[0]))!);
                continue;
            }

            var group = typeof(WorkPermitProfile).GetProperty(Pascal(parts[0]))
                ?? throw new InvalidOperationException($"No group property for {fact.Path}.");
            var property = group.PropertyType.GetProperty(Pascal(parts[1]))
                ?? throw new InvalidOperationException($"No property for {fact.Path}.");
            accessors[fact.Path] = new Accessor(fact, group, property);
        }

        return accessors;
    }

    private sealed record Accessor(FactDescriptor Descriptor, PropertyInfo? Group, PropertyInfo Fact);
}
