namespace WorkPermit.Rules.Testing;

/// <summary>
/// Shrinks a failing profile towards a small counterexample: a profile with fewer facts is smaller. Every candidate is
/// still a valid profile, and citizenships stay consistent with the passport.
/// </summary>
public static class ProfileShrinker
{
    /// <summary>The smaller profiles to try, larger steps first: each group made unknown as a whole, then each fact
    /// (except <c>evaluationDate</c>, so that a counterexample never depends on the clock), then each citizenship other
    /// than the passport's and each residence period dropped.</summary>
    /// <param name="profile">The failing profile.</param>
    /// <returns>Candidates, each one step smaller.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="profile"/> is null.</exception>
    public static IEnumerable<WorkPermitProfile> Shrink(WorkPermitProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return Shrink(profile, pinned: null);
    }

    /// <summary>Shrinks a boundary case: the same fact is made unknown in both profiles, and the facts the boundary pins
    /// (the moved date and the conditions that make the rule depend on it) are kept.</summary>
    /// <param name="boundaryCase">The failing boundary case.</param>
    /// <returns>Candidates, each one step smaller.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="boundaryCase"/> is null.</exception>
    public static IEnumerable<BoundaryCase> Shrink(BoundaryCase boundaryCase)
    {
        ArgumentNullException.ThrowIfNull(boundaryCase);
        var pinned = new HashSet<string>(boundaryCase.Boundary.PinnedFacts, StringComparer.Ordinal) { boundaryCase.Boundary.MovedFact };
        foreach (var smaller in Steps(boundaryCase.Before, pinned))
        {
            yield return boundaryCase with { Before = smaller.Apply(boundaryCase.Before), After = smaller.Apply(boundaryCase.After) };
        }
    }

    private static IEnumerable<WorkPermitProfile> Shrink(WorkPermitProfile profile, HashSet<string>? pinned) =>
        Steps(profile, pinned).Select(step => step.Apply(profile));

    private static IEnumerable<Step> Steps(WorkPermitProfile profile, HashSet<string>? pinned)
    {
        bool Free(string path) => path != "evaluationDate" && (pinned is null || !pinned.Contains(path));

        // Whole groups first: one step removes many facts.
        foreach (var group in ProfileFacts.Groups)
        {
            if (ProfileFacts.HasGroup(profile, group) && ProfileFacts.All.Where(f => f.Path.StartsWith(group + ".", StringComparison.Ordinal)).All(f => Free(f.Path)))
            {
                yield return new Step(p => ProfileFacts.WithoutGroup(p, group));
            }
        }

        foreach (var fact in ProfileFacts.All)
        {
            if (Free(fact.Path) && ProfileFacts.IsKnown(profile, fact.Path))
            {
                yield return new Step(p => ProfileFacts.Without(p, fact.Path));
            }
        }

        if (profile.Person?.Citizenships is { Count: > 1 } citizenships && Free("person.citizenships"))
        {
            foreach (var country in citizenships)
            {
                if (country != profile.Person.PassportCountry)
                {
                    yield return new Step(p => ProfileFacts.With(p, "person.citizenships", p.Person!.Citizenships!.Where(c => c != country).ToArray()));
                }
            }
        }

        if (profile.Medical?.ResidenceHistory is { Count: > 1 } history && Free("medical.residenceHistory"))
        {
            for (var i = 0; i < history.Count; i++)
            {
                var index = i;
                yield return new Step(p => ProfileFacts.With(p, "medical.residenceHistory", p.Medical!.ResidenceHistory!.Where((_, j) => j != index).ToArray()));
            }
        }
    }

    private sealed record Step(Func<WorkPermitProfile, WorkPermitProfile> Apply);
}
