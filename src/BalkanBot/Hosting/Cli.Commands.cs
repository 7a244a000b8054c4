using System.CommandLine;

namespace BalkanBot.Hosting;

internal static partial class Cli
{
    private static partial IEnumerable<Command> ExtraCommands() => [EvalCommandPlaceholder()];

    private static Command EvalCommandPlaceholder() => new("about", "Print version and paths");
}
