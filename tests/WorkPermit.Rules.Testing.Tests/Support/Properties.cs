using System.Diagnostics;
using Xunit.Abstractions;

namespace WorkPermit.Rules.Testing.Tests.Support;

/// <summary>Runs an invariant as an FsCheck property and reports how many cases ran. A failure throws FsCheck's report:
/// the original and the shrunk case, and the shrunk case's <see cref="InvariantViolationException"/>, whose message holds
/// the counterexample profile as JSON.</summary>
public static class Properties
{
    public static void Check<T>(ITestOutputHelper output, string name, Arbitrary<T> cases, int count, Func<T, InvariantResult> invariant)
    {
        var ran = 0;
        var clock = Stopwatch.StartNew();
        var config = Config.QuickThrowOnFailure.WithMaxTest(count).WithQuietOnSuccess(true);
        FsCheck.Check.One(config, Prop.ForAll(cases, value =>
        {
            Interlocked.Increment(ref ran);
            invariant(value).ThrowIfFailed();
        }));
        output.WriteLine($"{name}: {ran} cases held ({clock.ElapsedMilliseconds} ms)");
    }
}
