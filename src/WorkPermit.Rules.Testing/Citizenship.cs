namespace WorkPermit.Rules.Testing;

/// <summary>Citizenships and the passport used, consistent with each other: the passport is one of the citizenships (AMB-20, LIB-05).</summary>
/// <param name="Citizenships">Every citizenship held, without repeats.</param>
/// <param name="Passport">The country that issued the passport used; one of <paramref name="Citizenships"/>.</param>
public sealed record Citizenship(IReadOnlyList<string> Citizenships, string Passport)
{
    /// <summary>Compares two citizenships by value, including the list's contents and order.</summary>
    /// <param name="other">The other value.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public bool Equals(Citizenship? other) =>
        other is not null && Passport == other.Passport && Citizenships.SequenceEqual(other.Citizenships, StringComparer.Ordinal);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Passport, string.Join(",", Citizenships));

    /// <inheritdoc/>
    public override string ToString() => $"[{string.Join(", ", Citizenships)}] passport {Passport}";
}

/// <summary>How much of a profile a generator fills in.</summary>
public enum ProfileKnowledge
{
    /// <summary>Each fact is known with a probability drawn per profile (from about 15% to 95%), so that every fact is
    /// sometimes unknown and whole groups are sometimes missing.</summary>
    Partial,

    /// <summary>Every fact the channel concerns is known, except those whose absence itself means something (LIB-25):
    /// a TRP expiry for someone who is not a TRP holder, an indicated exam expiry, the designated months when a residence
    /// history is given, a document deadline and a decision letter when there are none.</summary>
    Complete,
}
