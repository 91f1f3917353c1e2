using BenchmarkDotNet.Running;

namespace WorkPermit.Rules.Benchmarks;

/// <summary>Runs the benchmarks the command line selects, e.g. <c>--filter '*OneFact*'</c>.</summary>
public static class Program
{
    /// <summary>Entry point.</summary>
    /// <param name="args">BenchmarkDotNet's command-line arguments.</param>
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
