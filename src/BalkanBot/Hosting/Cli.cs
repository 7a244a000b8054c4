using System.CommandLine;
using BalkanBot.Answers;
using BalkanBot.Cards;
using BalkanBot.Handlers;
using BalkanBot.Knowledge;

namespace BalkanBot.Hosting;

/// <summary>The command line: kb build, kb stats, ask, eval. Everything else starts the bot.</summary>
internal static partial class Cli
{
    public static readonly string[] Verbs = ["kb", "ask", "eval", "digest", "--help", "-h", "--version"];

    private static readonly Option<string?> KnowledgeOption = new("--knowledge") { Description = "Knowledge folder (default: Knowledge:Folder, 'knowledge' in the app folder)" };
    private static readonly Option<string?> DatabaseOption = new("--db") { Description = "Knowledge database file (default: Knowledge:Database, 'knowledge.db' in Data:Directory)" };

    public static int Run(string[] args)
    {
        var root = new RootCommand("BalkanBot: sourced answers on Balkan security. With no command it runs the bot (Teams, Slack, local chat page).");
        root.Subcommands.Add(KbCommand());
        root.Subcommands.Add(AskCommand());
        root.Subcommands.Add(EvalCommand());
        foreach (var extra in ExtraCommands()) root.Subcommands.Add(extra);
        return root.Parse(args).Invoke();
    }

    /// <summary>Commands contributed by other parts of the bot (digests).</summary>
    private static partial IEnumerable<Command> ExtraCommands();

    /// <summary>
    /// The knowledge folder and database. A path typed on the command line is taken from the current directory, as
    /// any command-line path is; configured defaults are found from the repository root. Shown is the folder as
    /// typed (null for the default), so build errors name files the way the user wrote them.
    /// </summary>
    internal static (string Folder, string Database, string? ShownFolder) Paths(ParseResult p)
    {
        var settings = Settings.Load();
        var typedFolder = p.GetValue(KnowledgeOption);
        var typedDb = p.GetValue(DatabaseOption);
        return (typedFolder is null ? settings.KnowledgeFolder : Path.GetFullPath(typedFolder),
            typedDb is null ? settings.DatabasePath : Path.GetFullPath(typedDb),
            typedFolder);
    }

    /// <summary>Prints a refused build: every error, then the checks that could not run.</summary>
    private static void PrintErrors(KnowledgeValidationException ex)
    {
        foreach (var e in ex.Errors) Console.Error.WriteLine(e);
        foreach (var n in ex.Notes) Console.Error.WriteLine("note: " + n);
    }

    private static Command KbCommand()
    {
        var kb = new Command("kb", "Build and inspect the knowledge database");
        var build = new Command("build", "Compile knowledge/ into SQLite (atomic: a failed build keeps the last good database)");
        build.Options.Add(KnowledgeOption);
        build.Options.Add(DatabaseOption);
        build.SetAction(p =>
        {
            var (folder, db, shown) = Paths(p);
            try
            {
                var result = KnowledgeBuilder.Build(folder, db, shown);
                Console.WriteLine($"Built {result.Records} records into {result.DatabasePath} in {result.Elapsed.TotalMilliseconds:0} ms");
                foreach (var (kind, n) in result.ByKind.OrderBy(k => k.Key)) Console.WriteLine($"  {kind,-10} {n,6}");
                Digests.KnowledgeChanges.RecordAfterBuild(result.DatabasePath, Settings.Load().AppDatabasePath, Console.Out);
                return 0;
            }
            catch (KnowledgeValidationException ex)
            {
                PrintErrors(ex);
                Console.Error.WriteLine($"Build failed: {ex.Errors.Count} error(s). The previous database (if any) is unchanged.");
                return 1;
            }
            catch (DirectoryNotFoundException ex)
            {
                Console.Error.WriteLine(ex.Message);
                return 1;
            }
        });
        var stats = new Command("stats", "Print record counts by kind");
        stats.Options.Add(KnowledgeOption);
        stats.Options.Add(DatabaseOption);
        stats.SetAction(p =>
        {
            using var kbase = OpenOrBuild(p);
            if (kbase is null) return 1;
            Console.WriteLine($"{kbase.DatabasePath} (built {kbase.Meta("built_at")})");
            foreach (var (kind, n) in kbase.Counts.OrderBy(k => k.Key)) Console.WriteLine($"  {kind,-10} {n,6}");
            Console.WriteLine($"  {"Total",-10} {kbase.TotalRecords,6}");
            Console.WriteLine($"  {"Aliases",-10} {kbase.Aliases.Count,6}");
            return 0;
        });
        kb.Subcommands.Add(build);
        kb.Subcommands.Add(stats);
        return kb;
    }

    /// <summary>Opens the database, building it first when it is missing or older than the knowledge files.</summary>
    internal static KnowledgeBase? OpenOrBuild(ParseResult p)
    {
        var (folder, db, shown) = Paths(p);
        try
        {
            if (AppPaths.NeedsBuild(folder, db))
            {
                var result = KnowledgeBuilder.Build(folder, db, shown);
                Console.Error.WriteLine($"(knowledge database rebuilt: {result.Records} records in {result.Elapsed.TotalMilliseconds:0} ms)");
            }
            return KnowledgeBase.Open(db);
        }
        catch (KnowledgeValidationException ex)
        {
            PrintErrors(ex);
            if (File.Exists(db))
            {
                Console.Error.WriteLine("Knowledge files have errors; using the last good database.");
                return KnowledgeBase.Open(db);
            }
            return null;
        }
        catch (Exception ex) when (ex is DirectoryNotFoundException or FileNotFoundException)
        {
            Console.Error.WriteLine(ex.Message);
            return null;
        }
    }

    private static Command AskCommand()
    {
        var question = new Argument<string?>("question") { Description = "The question, in quotes", Arity = ArgumentArity.ZeroOrOne };
        var json = new Option<bool>("--json") { Description = "Print the whole answer as one JSON object" };
        var batch = new Option<string?>("--batch") { Description = "Read one question per line from FILE ('-' for stdin); write JSON Lines" };
        var conversation = new Option<bool>("--conversation")
        {
            Description = "With --batch: read the lines as one conversation, so follow-ups ('and Hungary?') lean on earlier lines. " +
                          "Without it each line is answered on its own.",
        };
        var explain = new Option<bool>("--explain") { Description = "Also print how the question was read and which passages backed or failed the answer" };
        var ask = new Command("ask", "Answer a question from the knowledge base") { question, json, batch, conversation, explain, KnowledgeOption, DatabaseOption };
        ask.SetAction(p =>
        {
            using var kb = OpenOrBuild(p);
            if (kb is null) return 1;
            var engine = new AnswerEngine(kb, IntentHandlers.All());
            var file = p.GetValue(batch);
            if (file is not null)
            {
                using var reader = file == "-" ? Console.In : OpenReader(file);
                if (reader is null) return 1;
                var n = 0;
                var together = p.GetValue(conversation);
                while (reader.ReadLine() is { } line)
                {
                    if (string.IsNullOrWhiteSpace(line)) continue;
                    // By default each line is its own conversation, so batch questions do not lean on each other.
                    var id = together ? "batch-conversation" : $"line-{++n}";
                    Console.Out.WriteLine(AnswerJson.Serialize(engine.Answer(new Question(line, "batch", id))));
                }
                return 0;
            }
            var q = p.GetValue(question);
            if (string.IsNullOrWhiteSpace(q))
            {
                Console.Error.WriteLine("Give a question in quotes, or --batch FILE.");
                return 2;
            }
            if (p.GetValue(explain))
                foreach (var line in engine.Explain(q)) Console.Error.WriteLine(line);
            var answer = engine.Answer(new Question(q));
            Console.Out.Write(p.GetValue(json) ? AnswerJson.Serialize(answer, indented: true) + Environment.NewLine : TextRenderer.Render(answer));
            return 0;
        });
        return ask;
    }

    private static StreamReader? OpenReader(string file)
    {
        if (File.Exists(file)) return new StreamReader(file);
        Console.Error.WriteLine($"No such file: {file}");
        return null;
    }
}
