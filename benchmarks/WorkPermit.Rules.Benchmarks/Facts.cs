namespace WorkPermit.Rules.Benchmarks;

/// <summary>The fact of the one-fact and many-rules scenarios: mutable, compared by reference.</summary>
public sealed class Fact
{
    /// <summary>Gets or sets the value the rules test.</summary>
    /// <value>The value; <c>i</c> for the i-th fact.</value>
    public int IntProperty { get; set; }
}

/// <summary>The first fact of the two-fact join scenario: mutable, compared by reference.</summary>
public sealed class Fact1
{
    /// <summary>Gets or sets the value the rule tests and joins on.</summary>
    /// <value>The value; <c>i</c> for the i-th fact.</value>
    public int IntProperty { get; set; }
}

/// <summary>The second fact of the two-fact join scenario: mutable, compared by reference.</summary>
public sealed class Fact2
{
    /// <summary>Gets or sets the value the rule tests and joins on.</summary>
    /// <value>The value; <c>i</c> for the i-th fact.</value>
    public int IntProperty { get; set; }
}
