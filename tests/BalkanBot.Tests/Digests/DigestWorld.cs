using BalkanBot.Answers;
using BalkanBot.Digests;
using BalkanBot.Knowledge;
using BalkanBot.Storage;
using BalkanBot.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace BalkanBot.Tests.Digests;

/// <summary>
/// One test's digest world: a temporary app database, a fake clock, the default schedules, and knowledge bases
/// compiled from the repository's records plus whatever a test adds or changes, so "a rebuild" is one call.
/// </summary>
public sealed class DigestWorld : IDisposable
{
    private static readonly Lazy<IReadOnlyList<KnowledgeRecord>> SeedRecords = new(() => KnowledgeLoader.Load(SeedKnowledge.KnowledgeFolder));
    private readonly string _dir = Directory.CreateTempSubdirectory("balkanbot-digest-").FullName;
    private readonly List<KnowledgeBase> _open = [];
    private int _builds;

    public DigestWorld(DateTimeOffset start)
    {
        Clock = new WatchedTimeProvider(start);
        AppDatabase = Path.Combine(_dir, "app.db");
        Store = new SqliteDigestStore(new SqliteAppStore(AppDatabase));
        Options = DigestOptions.WithDefaults();
        Schedules = Options.BuildSchedules();
    }

    public static IReadOnlyList<KnowledgeRecord> Seed => SeedRecords.Value;
    public WatchedTimeProvider Clock { get; }
    public string AppDatabase { get; }
    public SqliteDigestStore Store { get; }
    public DigestOptions Options { get; }
    public IReadOnlyDictionary<string, DigestSchedule> Schedules { get; }
    public string Folder => _dir;

    /// <summary>Compiles the records into a fresh database and records their hashes at the clock's time, as a host start does.</summary>
    public async Task<KnowledgeBase> BuildAsync(IEnumerable<KnowledgeRecord> records)
    {
        var path = Path.Combine(_dir, $"knowledge-{++_builds}.db");
        KnowledgeBuilder.Build(records.ToList(), path);
        var kb = KnowledgeBase.Open(path);
        _open.Add(kb);
        await KnowledgeChanges.RecordAsync(kb, Store, Clock.GetUtcNow());
        return kb;
    }

    public DigestRunner Runner(KnowledgeBase kb, params IDigestSender[] senders) =>
        new(Store, new DigestComposer(kb), senders, Microsoft.Extensions.Options.Options.Create(Options), Clock, NullLogger<DigestRunner>.Instance);

    public SubscriptionService Subscriptions(KnowledgeBase kb) =>
        new(Store, new DigestComposer(kb), Microsoft.Extensions.Options.Options.Create(Options), Clock, NullLogger<SubscriptionService>.Instance);

    public async Task<Subscription> SubscribeAsync(string channel, string conversation, string schedule, DigestFilter? filter = null,
        ConversationReference? reference = null)
    {
        var now = Clock.GetUtcNow();
        if (reference is not null) await Store.SaveReferenceAsync(channel, reference, now);
        var (sub, _) = await Store.SubscribeAsync(new NewSubscription(channel, conversation, schedule, filter ?? DigestFilter.None, "u1", now,
            Schedules[schedule].Next(now)));
        return sub;
    }

    /// <summary>A new incident, copied from a real one so it carries real sources, renamed and redated.</summary>
    public static KnowledgeRecord NewEvent(string id, string name, string date, string country, params string[] actors)
    {
        var template = Seed.First(r => r.Kind == RecordKind.Event && r.Summary is not null);
        Assert.True(PartialDate.TryParse(date, out var d), date);
        return template with
        {
            Id = id,
            Name = name,
            Aliases = [],
            Date = d,
            End = null,
            Actors = actors,
            Place = new Place(country, null, "Testville"),
            Summary = template.Summary! with { Text = $"{name}: a test incident." },
        };
    }

    public static KnowledgeRecord Changed(string id, Func<KnowledgeRecord, KnowledgeRecord> change) => change(Seed.Single(r => r.Id == id));

    public static IEnumerable<KnowledgeRecord> With(params KnowledgeRecord[] replacements)
    {
        var ids = replacements.Select(r => r.Id).ToHashSet();
        return Seed.Where(r => !ids.Contains(r.Id)).Concat(replacements);
    }

    public void Dispose()
    {
        foreach (var kb in _open) kb.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}

/// <summary>An in-memory channel: records what it was asked to send and answers from a script.</summary>
public sealed class FakeSender(string channel = "slack") : IDigestSender
{
    public List<(ConversationReference Target, Digest Digest, string Key)> Sent { get; } = [];
    public Queue<SendResult> Script { get; } = new();
    public CheckResult Check { get; set; } = CheckResult.Unknown;
    public int Checks { get; private set; }
    public string Channel => channel;
    public TimeSpan MinInterval { get; init; }

    /// <summary>Runs first in every send: a test can kill the "process" here, with the request on the wire.</summary>
    public Action<CancellationToken>? OnSend { get; set; }

    public Task<SendResult> SendAsync(ConversationReference target, Digest digest, string deliveryKey, CancellationToken ct)
    {
        OnSend?.Invoke(ct);
        var result = Script.Count > 0 ? Script.Dequeue() : SendResult.Ok($"m{Sent.Count + 1}");
        lock (Sent) if (result.Status == SendStatus.Sent) Sent.Add((target, digest, deliveryKey));
        return Task.FromResult(result);
    }

    public Task<CheckResult> FindAsync(ConversationReference target, string deliveryKey, DateTimeOffset notBefore, CancellationToken ct)
    {
        Checks++;
        return Task.FromResult(Check);
    }
}
