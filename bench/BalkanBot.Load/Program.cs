using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using BalkanBot.Knowledge;
using BalkanBot.Load;

// Load and fault harness: the real bot host on 127.0.0.1 (port 0) with a fake Bot Connector and a fake Slack,
// every phase bounded in count and time.
// `dotnet run -c Release --project bench/BalkanBot.Load [-- --quick] [--only load,flood,stuck,slack] [--flood 1,2,3] [--latency-ms 100]`
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
#if DEBUG
Console.WriteLine("WARNING: Debug build; use -c Release.");
#endif
const string Form = "application/x-www-form-urlencoded";
var quick = args.Contains("--quick");
// Remote services answer after this long (a Bot Connector or Slack round trip); 0 measures the bot alone.
var latency = TimeSpan.FromMilliseconds(int.TryParse(ArgText("--latency-ms"), CultureInfo.InvariantCulture, out var l) ? l : 100);
var only = ArgText("--only")?.Split(',') ?? ["load", "flood", "stuck", "slack"];
string[] questions =
[
    "What is CEFTA?", "Who signed the Dayton Agreement?", "Compare Serbia and Croatia", "Timeline of Kosovo",
    "What happened in Banjska?", "How many troops does KFOR have?", "Who are the parties to the Brussels Agreement?", "What is the Ohrid Agreement?",
];

var root = FindRoot();
var work = Directory.CreateTempSubdirectory("balkanbot-load-kb-");
var knowledgeDb = Path.Combine(work.FullName, "knowledge.db");
KnowledgeBuilder.Build(Path.Combine(root, "knowledge"), knowledgeDb);
Console.WriteLine($"BalkanBot load harness: .NET {Environment.Version}, {Environment.ProcessorCount} cores, {(quick ? "quick" : "full")} run, fake connector and Slack answer after {latency.TotalMilliseconds:0} ms");
try
{
    if (only.Contains("load")) await LoadAsync();
    if (only.Contains("flood")) await FloodAsync();
    if (only.Contains("stuck")) await StuckAsync();
    if (only.Contains("slack")) await SlackBurstAsync();
}
finally
{
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    try { work.Delete(recursive: true); } catch (IOException) { }
}
return 0;

// Closed-loop clients: each sends its next message as soon as the last one is acknowledged (a 503 is retried after
// 250 ms, as the Bot Connector retries); every message is its own conversation.
async Task LoadAsync()
{
    Console.WriteLine();
    Console.WriteLine("== Teams load: closed-loop clients, one conversation per message, 503 retried after 250 ms; reply times from the first send");
    await using var slack = await FakeSlack.StartAsync(latency);
    await using var connector = await FakeConnector.StartAsync(latency);
    await using var bot = await BotUnderTest.StartAsync(knowledgeDb, slack.ApiBaseUrl);
    await TeamsRunAsync(bot, connector, "warm", 8, 200);
    foreach (var clients in new[] { 8, 32, 64 })
    {
        var total = quick ? 600 : 3000;
        var r = await TeamsRunAsync(bot, connector, $"c{clients}", clients, total, retryAfter503: TimeSpan.FromMilliseconds(250));
        Console.WriteLine($"{clients,3} clients, {total} msgs: acks {r.AckRate,7:0} /s  {Stats.Summary(r.Acks)}");
        Console.WriteLine($"{"",22}replies {r.ReplyRate,5:0} /s  {Stats.Summary(r.Replies)}  503s retried {r.Retries}, unanswered {r.Unanswered}");
    }
}

// retryAfter503: resend a refused message after this long, as the Bot Connector retries a 503 (until the reply wait ends).
async Task<TeamsRun> TeamsRunAsync(BotUnderTest bot, FakeConnector connector, string tag, int clients, int total,
    Func<string, string>? serviceUrlOf = null, TimeSpan? replyWait = null, TimeSpan? retryAfter503 = null, int? conversations = null)
{
    var retries = 0;
    var sent = new ConcurrentDictionary<string, long>();
    var acks = new ConcurrentBag<double>();
    var statuses = new ConcurrentDictionary<HttpStatusCode, int>();
    var next = -1;
    var start = Stopwatch.GetTimestamp();
    await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
    {
        int i;
        while ((i = Interlocked.Increment(ref next)) < total)
        {
            var id = $"{tag}-{i}";
            var conversation = conversations is { } c ? $"conv-{tag}-{i % c}" : "conv-" + id;
            var json = BotUnderTest.Activity(id, conversation, serviceUrlOf?.Invoke(id) ?? connector.ServiceUrl, questions[i % questions.Length]);
            var t0 = Stopwatch.GetTimestamp();
            var status = await bot.PostActivityAsync(json);
            acks.Add(Stats.Ms(t0, Stopwatch.GetTimestamp()));
            while (status == HttpStatusCode.ServiceUnavailable && retryAfter503 is { } wait &&
                   Stopwatch.GetElapsedTime(start) < (replyWait ?? TimeSpan.FromSeconds(60)))
            {
                Interlocked.Increment(ref retries);
                await Task.Delay(wait);
                var again = Stopwatch.GetTimestamp();
                status = await bot.PostActivityAsync(json);
                acks.Add(Stats.Ms(again, Stopwatch.GetTimestamp()));
            }
            statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
            if (status == HttpStatusCode.OK) sent[id] = t0;
        }
    })));
    var sendEnd = Stopwatch.GetTimestamp();
    await Stats.WaitUntilAsync(() => sent.Keys.All(id => connector.ReplyAt(id) is not null), replyWait ?? TimeSpan.FromSeconds(60));
    var replies = sent.Select(kv => connector.ReplyAt(kv.Key) is { } at ? Stats.Ms(kv.Value, at) : (double?)null).ToList();
    var answered = replies.OfType<double>().ToList();
    var lastReply = sent.Keys.Select(connector.ReplyAt).OfType<long>().DefaultIfEmpty(sendEnd).Max();
    return new TeamsRun(acks.ToList(), answered, acks.Count / Stopwatch.GetElapsedTime(start, sendEnd).TotalSeconds,
        answered.Count / Stopwatch.GetElapsedTime(start, lastReply).TotalSeconds,
        statuses.Where(s => s.Key != HttpStatusCode.OK).Sum(s => s.Value), replies.Count(r => r is null), statuses, retries);
}

async Task FloodAsync()
{
    var total = quick ? 6000 : 30_000;
    // Every message its own conversation (the engine then remembers up to its cap of conversations), and the same
    // flood from 500 people, which leaves the queue as the only thing that could grow.
    (TimeSpan?, int?)[] variants = [(null, null), (TimeSpan.FromMilliseconds(250), null), (TimeSpan.FromMilliseconds(250), 500)];
    var chosen = ArgText("--flood")?.Split(',').Select(v => int.Parse(v, CultureInfo.InvariantCulture) - 1).ToArray() ?? [0, 1, 2];
    foreach (var (retry, conversations) in chosen.Select(i => variants[i]))
    {
        Console.WriteLine();
        Console.WriteLine($"== Teams flood: {total:N0} messages from 64 clients, {(conversations is { } c ? $"{c} conversations" : "one conversation each")}, " +
                          (retry is null ? "no client-side retry" : $"each 503 retried after {retry.Value.TotalMilliseconds:0} ms (as the Bot Connector retries), for at most 180 s"));
        await using var slack = await FakeSlack.StartAsync(latency);
        await using var connector = await FakeConnector.StartAsync(latency);
        await using var bot = await BotUnderTest.StartAsync(knowledgeDb, slack.ApiBaseUrl);
        await TeamsRunAsync(bot, connector, "warm", 8, 200);
        GC.Collect();
        var baseline = MemorySampler.WorkingSetNow();
        TeamsRun r;
        long peakWs, peakManaged, peakLive;
        var started = Stopwatch.GetTimestamp();
        await using (var sampler = new MemorySampler())
        {
            r = await TeamsRunAsync(bot, connector, "flood", 64, total, replyWait: TimeSpan.FromSeconds(retry is null ? 120 : 180), retryAfter503: retry,
                conversations: conversations);
            peakWs = sampler.PeakWorkingSet;
            peakManaged = sampler.PeakManaged;
            peakLive = sampler.PeakLive;
        }
        Console.WriteLine($"memory: working set {Mib(baseline)} MiB before, peak {Mib(peakWs)} MiB; managed heap peak {Mib(peakManaged)} MiB, " +
                          $"after collections {Mib(peakLive)} MiB; {Stopwatch.GetElapsedTime(started).TotalSeconds:0} s; " +
                          $"the engine remembers {bot.RememberedConversations:N0} conversations");
        Console.WriteLine($"final statuses: {string.Join(", ", r.Statuses.OrderBy(s => s.Key).Select(s => $"{(int)s.Key}: {s.Value}"))}; 503s retried: {r.Retries}");
        Console.WriteLine($"replies to accepted: {r.Replies.Count}, {Stats.Summary(r.Replies)} (from first send); unanswered {r.Unanswered}");
    }
}

async Task StuckAsync()
{
    Console.WriteLine();
    Console.WriteLine("== Stuck connector: 48 conversations on a serviceUrl that never answers, then 10 msg/s for 10 s to a healthy one");
    await using var slack = await FakeSlack.StartAsync(latency);
    await using var good = await FakeConnector.StartAsync(latency);
    await using var dead = await FakeConnector.StartAsync(latency, hang: true);
    await using (var bot = await BotUnderTest.StartAsync(knowledgeDb, slack.ApiBaseUrl))
    {
        await TeamsRunAsync(bot, good, "warm", 8, 100);
        var stuck = await Task.WhenAll(Enumerable.Range(0, 48).Select(i =>
            bot.PostActivityAsync(BotUnderTest.Activity($"dead-{i}", $"conv-dead-{i}", dead.ServiceUrl, questions[i % questions.Length]))));
        await Stats.WaitUntilAsync(() => dead.Hung >= 16, TimeSpan.FromSeconds(5));
        var others = await PacedAsync(100, 10, async i =>
        {
            var id = $"ok-{i}";
            var t0 = Stopwatch.GetTimestamp();
            var status = await bot.PostActivityAsync(BotUnderTest.Activity(id, "conv-" + id, good.ServiceUrl, questions[i % questions.Length]));
            return (id, t0, status);
        });
        await Stats.WaitUntilAsync(() => others.All(o => good.ReplyAt(o.id) is not null), TimeSpan.FromSeconds(60));
        var times = others.Select(o => good.ReplyAt(o.id) is { } at ? Stats.Ms(o.t0, at) : (double?)null).ToList();
        Console.WriteLine($"dead serviceUrl: {stuck.Count(s => s == HttpStatusCode.OK)} of 48 accepted, {dead.Hung} requests hanging there");
        Console.WriteLine($"other conversations: {times.Count(t => t is not null)}/100 answered within 60 s, {Stats.Summary(times.OfType<double>().ToList())}, " +
                          $"non-200 acks {others.Count(o => o.status != HttpStatusCode.OK)}");
    }

    Console.WriteLine("== Stuck Slack response_url: 16 commands whose response_url never answers, then 10 commands/s for 10 s");
    await using (var bot = await BotUnderTest.StartAsync(knowledgeDb, slack.ApiBaseUrl))
    {
        await Task.WhenAll(Enumerable.Range(0, 16).Select(i => bot.PostSlackAsync("api/slack/commands", Command(i, slack.Hook($"stuck-{i}"), "CSTUCK", questions[0]), Form)));
        var others = await PacedAsync(100, 10, async i =>
        {
            var t0 = Stopwatch.GetTimestamp();
            var (status, _) = await bot.PostSlackAsync("api/slack/commands", Command(1000 + i, slack.Hook($"ok-{i}"), $"C{i % 10}", questions[i % questions.Length]), Form);
            return (id: $"ok-{i}", t0, status);
        });
        await Stats.WaitUntilAsync(() => others.All(o => slack.AnswerFor(o.id) is not null), TimeSpan.FromSeconds(60));
        var times = others.Select(o => slack.AnswerFor(o.id) is { } a ? Stats.Ms(o.t0, a.At) : (double?)null).ToList();
        Console.WriteLine($"other commands: {times.Count(t => t is not null)}/100 answered within 60 s, {Stats.Summary(times.OfType<double>().ToList())}");
    }
}

async Task SlackBurstAsync()
{
    const int commands = 1000, events = 500, total = commands + events;
    Console.WriteLine();
    Console.WriteLine($"== Slack burst: {commands} slash commands and {events} app_mention events sent within 3 s");
    await using var slack = await FakeSlack.StartAsync(latency);
    await using var bot = await BotUnderTest.StartAsync(knowledgeDb, slack.ApiBaseUrl);
    await bot.PostSlackAsync("api/slack/commands", Command(0, slack.Hook("warm"), "CWARM", questions[0]), Form);
    await Stats.WaitUntilAsync(() => slack.AnswerFor("warm") is not null, TimeSpan.FromSeconds(10));

    var results = new (long T0, double Ack, bool Ok, bool Busy, string Key)[total];
    var gate = new SemaphoreSlim(256);
    var start = Stopwatch.GetTimestamp();
    var tasks = new List<Task>(total);
    for (var i = 0; i < total; i++)
    {
        var due = start + (long)(i * (2.9 / total) * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < due) await Task.Delay(1);
        await gate.WaitAsync();
        var n = i;
        tasks.Add(Task.Run(async () =>
        {
            try
            {
                var isEvent = n % 3 == 2;
                var q = questions[n % questions.Length];
                var key = isEvent ? $"1700000000.{n:D6}" : $"burst-{n}";
                var t0 = Stopwatch.GetTimestamp();
                var (status, body) = isEvent
                    ? await bot.PostSlackAsync("api/slack/events", Mention(n, key, $"C{n % 50}", q), "application/json")
                    : await bot.PostSlackAsync("api/slack/commands", Command(n, slack.Hook(key), $"C{n % 50}", q), Form);
                var busy = status == HttpStatusCode.ServiceUnavailable || body.Contains("busy", StringComparison.OrdinalIgnoreCase);
                results[n] = (t0, Stats.Ms(t0, Stopwatch.GetTimestamp()), status == HttpStatusCode.OK, busy, key);
            }
            finally
            {
                gate.Release();
            }
        }));
    }
    await Task.WhenAll(tasks);
    var sendSeconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
    await Stats.WaitUntilAsync(() => results.All(r => r.Busy || slack.AnswerFor(r.Key) is not null), TimeSpan.FromSeconds(35));
    var answered = results.Count(r => slack.AnswerFor(r.Key) is { } a && !a.Text.Contains("busy", StringComparison.OrdinalIgnoreCase)
                                      && Stats.Ms(r.T0, a.At) <= 30_000);
    var answerTimes = results.Select(r => slack.AnswerFor(r.Key) is { } a ? Stats.Ms(r.T0, a.At) : (double?)null).OfType<double>().ToList();
    Console.WriteLine($"sent in {sendSeconds:0.00} s; acked (200, not busy) within 3 s: {results.Count(r => r.Ok && !r.Busy && r.Ack <= 3000)}/{total}; " +
                      $"busy: {results.Count(r => r.Busy)}; answered within 30 s: {answered}/{total}");
    Console.WriteLine($"acks {Stats.Summary(results.Select(r => r.Ack).ToList())}; answers {Stats.Summary(answerTimes)}");
}

async Task<List<T>> PacedAsync<T>(int count, int perSecond, Func<int, Task<T>> send)
{
    var start = Stopwatch.GetTimestamp();
    var tasks = new List<Task<T>>(count);
    for (var i = 0; i < count; i++)
    {
        var due = start + (long)(i / (double)perSecond * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < due) await Task.Delay(5);
        tasks.Add(send(i));
    }
    return [.. await Task.WhenAll(tasks)];
}

static string Command(int n, string responseUrl, string channel, string text) =>
    $"token=x&team_id=T1&team_domain=load&channel_id={channel}&channel_name=c&user_id=U{n}&user_name=u{n}" +
    $"&command=%2Fbalkan&text={Uri.EscapeDataString(text)}&response_url={Uri.EscapeDataString(responseUrl)}&trigger_id=1.2.{n}";

static string Mention(int n, string ts, string channel, string text) =>
    $$$"""{"token":"x","team_id":"T1","api_app_id":"A1","type":"event_callback","event_id":"Ev{{{n}}}","event_time":1700000000,"event":{"type":"app_mention","user":"U{{{n}}}","text":"<@U0BOT> {{{text}}}","ts":"{{{ts}}}","channel":"{{{channel}}}","event_ts":"{{{ts}}}"}}""";

static string Mib(long bytes) => (bytes / 1048576.0).ToString("0", CultureInfo.InvariantCulture);

string? ArgText(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}

static string FindRoot()
{
    for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "BalkanBot.sln"))) return dir.FullName;
    throw new DirectoryNotFoundException("Run from inside the repository.");
}

internal sealed record TeamsRun(List<double> Acks, List<double> Replies, double AckRate, double ReplyRate, int Rejected, int Unanswered,
    IReadOnlyDictionary<HttpStatusCode, int> Statuses, int Retries);
