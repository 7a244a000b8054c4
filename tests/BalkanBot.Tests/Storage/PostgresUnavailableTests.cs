using BalkanBot.Answers;
using BalkanBot.Channels.Slack;
using BalkanBot.Routing;
using BalkanBot.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace BalkanBot.Tests.Storage;

/// <summary>
/// PostgreSQL gone while the bot runs: answers still go out, leaning on what this instance holds, and the app store
/// reports the problem. No server is needed: the connection string points at a socket directory that does not exist.
/// </summary>
public sealed class PostgresUnavailableTests : IAsyncDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 6, 0, 0, TimeSpan.Zero));
    private readonly PostgresDatabase _database = new(Options.Create(new StorageOptions { PostgreSql = "Host=/nonexistent-socket-dir;Username=bot;Timeout=2" }),
        NullLogger<PostgresDatabase>.Instance);

    [Fact]
    public async Task SlackEvent_DatabaseUnreachable_ClaimedAgainstThisInstance()
    {
        var dedupe = new SharedSlackEventDeduper(_database, _clock, NullLogger<SharedSlackEventDeduper>.Instance);

        Assert.True(await dedupe.TryClaimAsync("Ev1"));
        Assert.False(await dedupe.TryClaimAsync("Ev1"));
        await dedupe.ReleaseAsync("Ev1");
        Assert.True(await dedupe.TryClaimAsync("Ev1"));
    }

    [Fact]
    public async Task Conversation_DatabaseUnreachable_KeepsThisInstancesMemory()
    {
        var store = new SharedConversationStore(_database, _clock, Options.Create(new StorageOptions()), NullLogger<SharedConversationStore>.Instance);
        var state = new ConversationState(new Answer { Question = "q", Answered = true, Intent = IntentKind.Figures, Title = "Serbia", Text = "t" },
            ["serbia"], "tanks", null, _clock.GetUtcNow());

        store.Put("slack", "C1:1", state);
        await store.SaveAsync("slack", "C1:1");
        await store.LoadAsync("slack", "C1:1");

        Assert.Equal("tanks", store.Find("slack", "C1:1")?.Measure);
    }

    [Fact]
    public async Task AppStore_DatabaseUnreachable_CheckSaysWhyAndFeedbackFailsAsAStoreFailure()
    {
        var app = new PostgresAppStore(_database, _clock, NullLogger<PostgresAppStore>.Instance);

        Assert.StartsWith("PostgreSQL:", await app.CheckAsync());
        var ex = await Assert.ThrowsAnyAsync<Exception>(() => app.AddFeedbackAsync(new Feedback("slack", "C1", "U1", "q", "up", null, _clock.GetUtcNow())));
        Assert.True(StoreFailure.Is(ex)); // so the channel tells the user it was not saved
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();
}
