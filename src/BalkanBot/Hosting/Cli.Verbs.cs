namespace BalkanBot.Hosting;

internal static partial class Cli
{
    /// <summary>Exit code for a command line that names no known command.</summary>
    public const int UsageExitCode = 2;

    /// <summary>The commands a first argument can name; with none the bot runs.</summary>
    private static readonly string[] Commands = ["kb", "ask", "eval", "digest"];

    /// <summary>
    /// The message for a first argument that looks like a command but is none ("aks"), naming the nearest one; null
    /// for no arguments, options ("--urls=…") and settings ("Key=value"), which start the bot.
    /// </summary>
    public static string? UnknownVerb(string[] args)
    {
        if (args.Length == 0) return null;
        var word = args[0];
        if (word.Length == 0 || word[0] is '-' or '/' || word.Contains('=', StringComparison.Ordinal)) return null;
        var nearest = Commands.Select(c => (Command: c, Distance: Distance(word.ToLowerInvariant(), c))).MinBy(c => c.Distance);
        var hint = nearest.Distance <= Math.Max(1, word.Length / 2) ? $"Did you mean '{nearest.Command}'? " : "";
        return $"Unknown command '{word}'. {hint}Commands: {string.Join(", ", Commands)}; none runs the bot (--help lists them).";
    }

    /// <summary>Edit distance with adjacent transpositions, so "aks" is one step from "ask".</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }
        return d[a.Length, b.Length];
    }
}
