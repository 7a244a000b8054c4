using System.CommandLine;
using BalkanBot.Digests;

namespace BalkanBot.Hosting;

internal static partial class Cli
{
    private static partial IEnumerable<Command> ExtraCommands() => [DigestCommand()];

    private static Command DigestCommand()
    {
        var digest = new Command("digest", "Preview digests, or deliver the ones that are due (for cron or a Kubernetes CronJob)");
        var since = new Option<string?>("--since") { Description = "Start of the window: DATE (yyyy-MM-dd, midnight in Digests:TimeZone) or an ISO time; default 7 days ago" };
        var filter = new Option<string?>("--filter") { Description = "Schedule, countries or actors and kinds, as in a subscription: \"weekly Kosovo agreements\"" };
        var json = new Option<bool>("--json") { Description = "Print the digest as one JSON object" };
        var preview = new Command("preview", "Print what a digest would hold, marking nothing as delivered") { since, filter, json, KnowledgeOption, DatabaseOption };
        preview.SetAction(p =>
        {
            using var kb = OpenOrBuild(p);
            if (kb is null) return 1;
            return DigestCli.Preview(kb, Settings.Load().AppDatabasePath, Settings.Load().Configuration,
                p.GetValue(since), p.GetValue(filter), p.GetValue(json), Console.Out, Console.Error);
        });
        var runDue = new Command("run-due", "Deliver every digest that is due, once, and exit");
        runDue.SetAction(_ => DigestCli.RunDue(Console.Out, Console.Error));
        digest.Subcommands.Add(preview);
        digest.Subcommands.Add(runDue);
        return digest;
    }
}
