using System.Diagnostics;
using System.Globalization;
using BalkanBot.Answers;
using BalkanBot.Bench;
using BalkanBot.Handlers;
using BalkanBot.Knowledge;

// Prints build time, in-process answer latency and memory for the seed base and for synthetic bases of 10,000
// and 100,000 incidents. Numbers, not pass/fail: run with `dotnet run -c Release --project bench/BalkanBot.Bench`.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

var quick = args.Contains("--quick");
var detail = args.Contains("--detail");
var rounds = ArgValue("--rounds") ?? 25;
// The runtime compiles each method quickly first and recompiles the hot ones optimised in the background, which
// on two cores takes seconds of answering. Warm-up runs until three rounds in a row compile no method (at most
// --warmup-seconds), so the figures are those of a bot that has been running, not of its first seconds.
var warmupCap = TimeSpan.FromSeconds(ArgValue("--warmup-seconds") ?? 30);
int[] sizes = quick ? [10_000] : [10_000, 100_000];

#if DEBUG
Console.WriteLine("WARNING: Debug build; latency numbers mean little. Use -c Release.");
#endif
var root = FindRoot();
var knowledge = Path.Combine(root, "knowledge");
var work = Directory.CreateTempSubdirectory("balkanbot-bench-");
Console.WriteLine($"BalkanBot bench: {QuestionMix.Items.Count} questions x {rounds} rounds after warm-up (until three rounds compile no method, at most {warmupCap.TotalSeconds:0} s); .NET {Environment.Version}, {Environment.ProcessorCount} cores");
Console.WriteLine();
var results = new List<Result>();
try
{
    var seedDb = Path.Combine(work.FullName, "seed.db");
    var cold = KnowledgeBuilder.Build(knowledge, seedDb);
    var warm = KnowledgeBuilder.Build(knowledge, seedDb);
    Console.WriteLine($"seed build (YAML load + SQLite): first in process {Ms(cold.Elapsed)} ms, repeated {Ms(warm.Elapsed)} ms, {cold.Records} records");
    results.Add(Measure("seed", seedDb, cold.Records, cold.Elapsed, warm.Elapsed, null));

    var seedRecords = KnowledgeLoader.Load(knowledge);
    foreach (var n in sizes)
    {
        var gen = Stopwatch.StartNew();
        var records = SyntheticIncidents.Make(seedRecords, n);
        gen.Stop();
        var db = Path.Combine(work.FullName, $"synthetic-{n}.db");
        var built = KnowledgeBuilder.Build(records, db);
        var total = records.Count;
        records = null;
        Console.WriteLine($"{n:N0} incidents: generated in {Ms(gen.Elapsed)} ms, built {total:N0} records in {Ms(built.Elapsed)} ms ({new FileInfo(db).Length / 1048576.0:0.0} MiB)");
        results.Add(Measure($"+{n / 1000}k incidents", db, total, built.Elapsed, null, gen.Elapsed));
    }
}
finally
{
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    try { work.Delete(recursive: true); } catch (IOException) { }
}

Console.WriteLine();
Console.WriteLine($"{"base",-16} {"records",9} {"build ms",9} {"1st ms",8} {"median ms",10} {"p99 ms",8} {"max ms",8} {"managed MiB",12} {"working set MiB",16}");
foreach (var r in results)
    Console.WriteLine($"{r.Name,-16} {r.Records,9:N0} {Ms(r.Build),9} {r.First,8:0.00} {r.Median,10:0.000} {r.P99,8:0.000} {r.Max,8:0.00} {r.Managed / 1048576.0,12:0.0} {r.WorkingSet / 1048576.0,16:0.0}");
Console.WriteLine();
var seedResult = results[0];
Target("seed build < 1 s (first in process)", seedResult.Build.TotalMilliseconds < 1000, $"{Ms(seedResult.Build)} ms");
Target("seed median < 2 ms", seedResult.Median < 2, $"{seedResult.Median:0.000} ms");
if (results.FirstOrDefault(r => r.Name.StartsWith("+100k", StringComparison.Ordinal)) is { } big)
{
    Target("100k median <= 2 ms", big.Median <= 2, $"{big.Median:0.000} ms");
    Target("100k p99 <= 10 ms", big.P99 <= 10, $"{big.P99:0.000} ms");
    Console.WriteLine($"growth: base x{big.Records / (double)seedResult.Records:0}, median x{big.Median / seedResult.Median:0.0}, p99 x{big.P99 / seedResult.P99:0.0}");
}
return 0;

Result Measure(string name, string db, int records, TimeSpan build, TimeSpan? warmBuild, TimeSpan? generated)
{
    GC.Collect();
    GC.WaitForPendingFinalizers();
    using var kb = KnowledgeBase.Open(db);
    var engine = new AnswerEngine(kb, IntentHandlers.All());
    var items = QuestionMix.Items;

    var first = Stopwatch.StartNew();
    engine.Answer(new Question(items[0].Text, "bench", "first"));
    first.Stop();
    // The first pass meets every question with empty caches (records not yet deserialised); later passes are warm.
    var cold = items.Select(_ => new List<double>(1)).ToArray();
    RunRound(engine, "cold", cold);
    var warmed = Stopwatch.StartNew();
    var (warmRounds, quietRounds) = (0, 0);
    while (quietRounds < 3 && warmed.Elapsed < warmupCap)
    {
        var compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
        RunRound(engine, $"warm{warmRounds++}", null);
        quietRounds = System.Runtime.JitInfo.GetCompiledMethodCount() == compiled ? quietRounds + 1 : 0;
    }
    var warmNote = quietRounds >= 3 ? $"{warmRounds} warm-up rounds ({warmed.Elapsed.TotalSeconds:0.0} s)"
        : $"{warmRounds} warm-up rounds (JIT still compiling at the {warmupCap.TotalSeconds:0} s cap)";

    var perQuestion = items.Select(_ => new List<double>(rounds)).ToArray();
    for (var r = 0; r < rounds; r++) RunRound(engine, $"r{r}", perQuestion);

    var all = perQuestion.SelectMany(x => x).Order().ToArray();
    GC.Collect();
    GC.WaitForPendingFinalizers();
    GC.Collect();
    var managed = GC.GetTotalMemory(forceFullCollection: true);
    using var process = Process.GetCurrentProcess();
    process.Refresh();
    var result = new Result(name, records, build, first.Elapsed.TotalMilliseconds, Percentile(all, 0.5), Percentile(all, 0.99), all[^1],
        managed, process.WorkingSet64);
    var coldSorted = cold.SelectMany(x => x).Order().ToArray();
    Console.WriteLine($"  {name}: median {result.Median:0.000} ms, p99 {result.P99:0.000} ms over {all.Length} answers after {warmNote}; "
        + $"first pass (cold caches): median {Percentile(coldSorted, 0.5):0.000} ms, max {coldSorted[^1]:0.000} ms");
    if (detail || result.P99 > 10 || result.Median > 2)
    {
        Console.WriteLine("    slowest questions (median / max ms):");
        foreach (var (item, times) in items.Zip(perQuestion).OrderByDescending(x => Percentile(x.Second.Order().ToArray(), 0.5)).Take(detail ? items.Count : 8))
        {
            var sorted = times.Order().ToArray();
            Console.WriteLine($"    {Percentile(sorted, 0.5),8:0.000} {sorted[^1],8:0.000}  [{item.Kind}] {item.Text}");
        }
    }
    return result;
}

void RunRound(AnswerEngine engine, string round, List<double>[]? times)
{
    var items = QuestionMix.Items;
    var conversation = "";
    for (var i = 0; i < items.Count; i++)
    {
        if (!items[i].FollowUp) conversation = $"{round}-{i}";
        var q = new Question(items[i].Text, "bench", conversation);
        var start = Stopwatch.GetTimestamp();
        engine.Answer(q);
        times?[i].Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
    }
}

static double Percentile(double[] sorted, double p)
{
    if (sorted.Length == 0) return double.NaN;
    var rank = p * (sorted.Length - 1);
    var lo = (int)Math.Floor(rank);
    var hi = (int)Math.Ceiling(rank);
    return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
}

static string Ms(TimeSpan t) => t.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture);

static void Target(string what, bool met, string actual) => Console.WriteLine($"{(met ? "MET   " : "MISSED")} {what}: {actual}");

int? ArgValue(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var v) ? v : null;
}

static string FindRoot()
{
    foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "BalkanBot.sln"))) return dir.FullName;
    throw new DirectoryNotFoundException("BalkanBot.sln not found above the working directory; run from the repository.");
}

internal sealed record Result(string Name, int Records, TimeSpan Build, double First, double Median, double P99, double Max, long Managed, long WorkingSet);
