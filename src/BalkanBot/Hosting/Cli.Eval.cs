using System.CommandLine;
using BalkanBot.Evaluation;

namespace BalkanBot.Hosting;

internal static partial class Cli
{
    private static Command EvalCommand()
    {
        var set = new Option<string[]>("--set")
        {
            Description = $"Question set to score; repeat for several (default: the {EvalSet.DefaultPaths.Count} sets {Path.GetFileName(EvalSet.DefaultPaths[0])} to {Path.GetFileName(EvalSet.DefaultPaths[^1])} in tests/eval, reported separately; probe.yaml only when named)",
            AllowMultipleArgumentsPerToken = false,
            Arity = ArgumentArity.ZeroOrMore,
        };
        var failures = new Option<string?>("--failures") { Description = "List failing questions of one half: dev | heldout (held-out texts are never shown otherwise)" };
        failures.AcceptOnlyFromAmong("dev", "heldout");
        var verbose = new Option<bool>("--verbose") { Description = "Same as --failures dev" };
        var checkFloors = new Option<bool>("--check-floors")
        {
            Description = $"Exit 1 unless every set meets the floors: held-out correct with a right source ≥ {Rate.Percent(EvalFloors.HeldOutCorrect)}, all traps declined, no out-of-scope question answered",
        };
        var eval = new Command("eval", "Score the engine, beside a plain BM25 baseline, on the evaluation question sets (dev and held-out halves)")
            { set, failures, verbose, checkFloors, KnowledgeOption, DatabaseOption };
        eval.SetAction(p =>
        {
            var paths = (p.GetValue(set) is { Length: > 0 } given ? given : EvalSet.DefaultPaths).Select(s => (Name: s, Path: AppPaths.Resolve(s))).ToList();
            foreach (var missing in paths.Where(x => !File.Exists(x.Path)))
            {
                Console.Error.WriteLine($"No question set at {missing.Path}");
                return 1;
            }
            using var kb = OpenOrBuild(p);
            if (kb is null) return 1;
            EvalHalf? list = p.GetValue(failures) switch
            {
                "dev" => EvalHalf.Dev,
                "heldout" => EvalHalf.HeldOut,
                _ => p.GetValue(verbose) ? EvalHalf.Dev : null,
            };
            var floorsMissed = 0;
            foreach (var (name, path) in paths)
            {
                var report = EvalRunner.Run(kb, EvalSet.Load(path), withBaseline: true);
                EvalPrinter.Print(Console.Out, name, report, list);
                if (list is null && report.Of(EvalHalf.Dev).Any(o => !o.Correct))
                    Console.WriteLine("--failures dev lists the failing dev questions.\n");
                if (!p.GetValue(checkFloors)) continue;
                var missed = EvalFloors.Check(report);
                Console.WriteLine(missed.Count == 0 ? $"floors: {name} meets them all\n" : $"floors: {name} misses {missed.Count}:\n  " + string.Join("\n  ", missed) + "\n");
                floorsMissed += missed.Count;
            }
            return floorsMissed > 0 ? 1 : 0;
        });
        return eval;
    }
}
