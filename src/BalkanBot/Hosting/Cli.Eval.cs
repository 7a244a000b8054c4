using System.CommandLine;

namespace BalkanBot.Hosting;

internal static partial class Cli
{
    private static Command EvalCommand() => new("eval", "Evaluate retrieval and answers against the question set");
}
