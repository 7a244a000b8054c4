using System.CommandLine;
using BalkanBot.Evaluation;

namespace BalkanBot.Hosting;

internal static partial class Cli
{
    private static Command EvalCommand()
    {
        var set = new Option<string?>("--set") { Description = "Question set (default: tests/eval/questions.yaml)" };
        var verbose = new Option<bool>("--verbose") { Description = "List every failing question and why" };
        var eval = new Command("eval", "Score answers and retrieval against the evaluation question set") { set, verbose, KnowledgeOption, DatabaseOption };
        eval.SetAction(p =>
        {
            using var kb = OpenOrBuild(p);
            if (kb is null) return 1;
            var path = AppPaths.Resolve(p.GetValue(set) ?? "tests/eval/questions.yaml");
            if (!File.Exists(path))
            {
                Console.Error.WriteLine($"No question set at {path}");
                return 1;
            }
            var report = EvalRunner.Run(kb, EvalSet.Load(path));
            Console.WriteLine(report.Summary());
            var failures = report.Outcomes.Where(o => !o.Correct || o.RecallAt5 == false).ToList();
            if (p.GetValue(verbose))
                foreach (var f in failures)
                    Console.WriteLine($"- {f.Question.Q} → {(f.Correct ? "" : f.Failure)}{(f.RecallAt5 == false ? $" [retrieval: got {string.Join(",", f.Answer.RecordIds.Take(3))}]" : "")}");
            else if (failures.Count > 0)
                Console.WriteLine($"{failures.Count} question(s) below the mark; --verbose lists them.");
            return 0;
        });
        return eval;
    }
}
