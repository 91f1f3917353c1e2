// Two modes:
//   generate OUT.jsonl          writes the profiles to compare: every case file's profile, then generated profiles of
//                               every channel. Generate once and give the same file to both engines.
//   evaluate IN.jsonl OUT.jsonl evaluates each profile on a clock stopped at 2025-11-21 and writes one report a line.
// Running `evaluate` on the same profiles with the former engine and with NRules and comparing the two files (cmp)
// shows whether the reports are byte-identical.
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using WorkPermit.Rules;
using WorkPermit.Rules.Testing;

switch (args)
{
    case ["generate", var output]:
        Generate(output);
        return 0;
    case ["evaluate", var input, var output]:
        return Evaluate(input, output);
    case ["time", var profileFile]:
        Time(profileFile);
        return 0;
    default:
        Console.Error.WriteLine("usage: generate OUT.jsonl | evaluate IN.jsonl OUT.jsonl");
        return 2;
}

static void Generate(string output)
{
    using var writer = new StreamWriter(output, false, new UTF8Encoding(false));
    var count = 0;
    var root = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../tests/WorkPermit.Rules.Tests/Cases"));
    foreach (var file in Directory.EnumerateFiles(root, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
    {
        var profile = WorkPermit.Rules.Cases.CaseFile.Load(file).Profile;
        writer.WriteLine(profile.ToJsonString());
        count++;
    }

    var generators = WorkPermitGenerators.Default;
    var sources = new (string Name, Gen<WorkPermitProfile> Gen, int Count)[]
    {
        ("outside", generators.OutsideCanadaOnline, 2500),
        ("inside", generators.InsideCanadaOnline, 2500),
        ("port of entry", generators.PortOfEntry, 2500),
        ("channel unknown", generators.ForChannel(null), 1000),
        ("complete", generators.CompleteProfile, 1500),
        ("port-of-entry exclusion", generators.PortOfEntryWithExclusion, 1000),
    };
    foreach (var (name, gen, n) in sources)
    {
        // Sample(count, size): sizes from small to large; the profiles are kept in the file, so both engines read the same ones.
        var made = 0;
        foreach (var size in new[] { 10, 40, 70, 100 })
        {
            foreach (var profile in gen.Sample(n / 4, size))
            {
                writer.WriteLine(ProfileJson.Write(profile));
                made++;
            }
        }

        Console.WriteLine($"{name}: {made}");
        count += made;
    }

    Console.WriteLine($"{count} profiles written to {output}");
}

static int Evaluate(string input, string output)
{
    var evaluator = WorkPermitEvaluator.Create(timeProvider: new Stopped(new DateTimeOffset(2025, 11, 21, 12, 0, 0, TimeSpan.Zero)));
    using var writer = new StreamWriter(output, false, new UTF8Encoding(false));
    var count = 0;
    var invalid = 0;
    foreach (var line in File.ReadLines(input))
    {
        var result = evaluator.Evaluate(line);
        if (result.Report is { } report)
        {
            writer.WriteLine(ReportJson.Write(report));
        }
        else
        {
            invalid++;
            writer.WriteLine("INVALID " + string.Join(" | ", result.Errors));
        }

        count++;
    }

    Console.WriteLine($"{count} profiles evaluated ({invalid} invalid), reports in {output}");
    return 0;
}

// A quick look while trying levers (the benchmarks are the measurement): warm evaluations of one profile, five rounds.
static void Time(string profileFile)
{
    var evaluator = WorkPermitEvaluator.Create();
    var profile = ProfileJson.Read(File.ReadAllText(profileFile)).Profile!;
    var json = File.ReadAllBytes(profileFile);
    var output = new System.Buffers.ArrayBufferWriter<byte>(1 << 17);
    var jsonInOut = Environment.GetEnvironmentVariable("TIME_JSON") == "1";
    for (var round = 0; round < 6; round++)
    {
        const int n = 20_000;
        var bytes = GC.GetAllocatedBytesForCurrentThread();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < n; i++)
        {
            if (jsonInOut)
            {
                output.ResetWrittenCount();
                ReportJson.WriteUtf8(evaluator.Evaluate(json).Report!, output);
            }
            else
            {
                evaluator.Evaluate(profile);
            }
        }

        var us = clock.Elapsed.TotalMicroseconds / n;
        var kb = (GC.GetAllocatedBytesForCurrentThread() - bytes) / 1024.0 / n;
        if (round > 0)
        {
            Console.WriteLine($"{us:F1} us, {kb:F1} KB per evaluation");
        }
    }
}

sealed class Stopped(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}
