using BalkanBot.Hosting;

namespace BalkanBot;

public partial class Program
{
    public static int Main(string[] args)
    {
        if (args.Length > 0 && Cli.Verbs.Contains(args[0])) return Cli.Run(args);
        BotHost.Build(args).Run();
        return 0;
    }
}
