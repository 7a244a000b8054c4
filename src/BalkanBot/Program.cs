using System.Reflection;
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
        // Started by a test host (WebApplicationFactory), start-up failures must reach it as exceptions.
        if (Assembly.GetEntryAssembly() != typeof(Program).Assembly)
        {
            BotHost.Build(args).Run();
            return 0;
        }
        return StartupFailure.Run(() => BotHost.Build(args), Console.Error);
    }
}
