using BalkanBot.Hosting;

namespace BalkanBot;

public partial class Program
{
    public static int Main(string[] args)
    {
        if (args.Length > 0 && Cli.Verbs.Contains(args[0])) return Cli.Run(args);
        if (Cli.UnknownVerb(args) is { } unknown)
        {
            Console.Error.WriteLine(unknown);
            return Cli.UsageExitCode;
        }
        return StartupFailure.Run(() => BotHost.Build(args), Console.Error);
    }
}
