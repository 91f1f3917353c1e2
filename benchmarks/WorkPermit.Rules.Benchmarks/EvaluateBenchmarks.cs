using System.Buffers;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using WorkPermit.Rules.Testing;

namespace WorkPermit.Rules.Benchmarks;

/// <summary>
/// The evaluation hot path as hosts call it, warm, on the shared compiled rule set: a full profile, a sparse one and a
/// port-of-entry one through <see cref="IWorkPermitEvaluator.Evaluate(WorkPermitProfile)"/>; UTF-8 profile JSON to UTF-8
/// report JSON as a portal calls it; and one interview step (evaluate, answer the first question, evaluate again).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
public class EvaluateBenchmarks
{
    private IWorkPermitEvaluator _evaluator = null!;
    private WorkPermitProfile _full = null!;
    private WorkPermitProfile _sparse = null!;
    private WorkPermitProfile _portOfEntry = null!;
    private byte[] _portOfEntryJson = null!;
    private Dictionary<string, object> _answers = null!;
    private ArrayBufferWriter<byte> _output = null!;

    /// <summary>Builds the evaluator (compiling the rule set), reads the profiles and checks each benchmark's answer once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _evaluator = WorkPermitEvaluator.Create();
        _ = Evaluation.WorkPermitRuleSet.Compiled; // a warm process runs on the compiled rule set, not the interim interpreted one
        _full = BenchmarkProfiles.Read(BenchmarkProfiles.Full);
        _sparse = BenchmarkProfiles.Read(BenchmarkProfiles.Sparse);
        _portOfEntry = BenchmarkProfiles.Read(BenchmarkProfiles.PortOfEntry);
        _portOfEntryJson = BenchmarkProfiles.Utf8(BenchmarkProfiles.PortOfEntry);
        _answers = BenchmarkProfiles.FirstAnswers();
        _output = new ArrayBufferWriter<byte>(64 * 1024);

        var full = Full();
        BenchmarkProfiles.Expect("the full profile's inside-Canada outcome is yes", full.InsideCanada?.Outcome == Tri.Yes);
        BenchmarkProfiles.Expect("the full profile's report has findings for every group", full.Findings.Count > 40);
        var sparse = Sparse();
        BenchmarkProfiles.Expect("the sparse profile leaves questions", sparse.Questions.Count > 5);
        BenchmarkProfiles.Expect("the sparse profile's first question has a ready answer", _answers.ContainsKey(sparse.Questions[0].Fact));
        BenchmarkProfiles.Expect("the port-of-entry profile may apply at the border", PortOfEntry().PortOfEntry?.Outcome == Tri.Yes);
        BenchmarkProfiles.Expect("JSON in, JSON out writes the report", JsonInJsonOut() > 1000);
        BenchmarkProfiles.Expect("an interview step answers a question", InterviewStep().Questions[0].Fact != sparse.Questions[0].Fact);
    }

    /// <summary>Evaluates the full profile.</summary>
    /// <returns>The report.</returns>
    [Benchmark(Baseline = true)]
    public WorkPermitReport Full() => _evaluator.Evaluate(_full);

    /// <summary>Evaluates the sparse profile.</summary>
    /// <returns>The report.</returns>
    [Benchmark]
    public WorkPermitReport Sparse() => _evaluator.Evaluate(_sparse);

    /// <summary>Evaluates the port-of-entry profile.</summary>
    /// <returns>The report.</returns>
    [Benchmark]
    public WorkPermitReport PortOfEntry() => _evaluator.Evaluate(_portOfEntry);

    /// <summary>UTF-8 profile JSON in, UTF-8 report JSON out (into a reused buffer, as a server writes a response).</summary>
    /// <returns>The number of report bytes written.</returns>
    [Benchmark]
    public int JsonInJsonOut()
    {
        var result = _evaluator.Evaluate(_portOfEntryJson);
        _output.ResetWrittenCount();
        ReportJson.WriteUtf8(result.Report!, _output);
        return _output.WrittenCount;
    }

    /// <summary>One interview step on the sparse profile: evaluate, answer the first question, evaluate again.</summary>
    /// <returns>The second report.</returns>
    [Benchmark]
    public WorkPermitReport InterviewStep()
    {
        var first = _evaluator.Evaluate(_sparse);
        var question = first.Questions[0];
        var answered = ProfileFacts.With(_sparse, question.Fact, _answers[question.Fact]);
        return _evaluator.Evaluate(answered);
    }

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(5).WithIterationCount(15).WithId("Warm"));
            AddColumn(StatisticColumn.Median);
        }
    }
}
