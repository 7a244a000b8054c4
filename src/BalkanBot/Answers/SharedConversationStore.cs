using System.Text.Json;
using System.Text.Json.Serialization;
using BalkanBot.Storage;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using static BalkanBot.Storage.PostgresDatabase;

namespace BalkanBot.Answers;

/// <summary>
/// Conversation memory in the shared PostgreSQL database, so a follow-up ("and Hungary?") works whichever instance
/// it lands on. The engine reads and writes a local copy while it answers; <see cref="LoadAsync"/> replaces that copy
/// with the shared row before, and <see cref="SaveAsync"/> writes it back after. A row older than the expiry counts
/// as gone; a write never replaces a newer one, so of two instances answering one conversation the later answer wins.
/// When the database cannot be reached the local copy is used, and the answer still goes out.
/// </summary>
public sealed class SharedConversationStore(PostgresDatabase database, TimeProvider clock, IOptions<StorageOptions> options,
    ILogger<SharedConversationStore> log) : IConversationStore
{
    private static readonly TimeSpan PruneEvery = TimeSpan.FromMinutes(10);
    private readonly TimeSpan _expiry = options.Value.ConversationExpiry;
    private readonly ConversationStore _local = new(clock, expiry: options.Value.ConversationExpiry);
    private long _lastPrune;

    public ConversationState? Find(string channel, string conversationId) => _local.Find(channel, conversationId);

    public void Put(string channel, string conversationId, ConversationState state) => _local.Put(channel, conversationId, state);

    public async Task LoadAsync(string channel, string conversationId, CancellationToken ct = default)
    {
        try
        {
            await using var db = await database.OpenAsync(ct).ConfigureAwait(false);
            await using var cmd = Command(db, "SELECT state::text FROM conversations WHERE channel = @ch AND conversation_id = @c AND updated_at > @oldest",
                ("ch", channel), ("c", conversationId), ("oldest", Utc(clock.GetUtcNow() - _expiry)));
            if (await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false) is string json
                && JsonSerializer.Deserialize(json, ConversationStateJson.Default.ConversationState) is { } state)
                _local.Put(channel, conversationId, state);
            else
                _local.Remove(channel, conversationId);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or JsonException)
        {
            Diagnostics.Log.ConversationMemoryUnavailable(log, ex.Message);
        }
    }

    public async Task SaveAsync(string channel, string conversationId, CancellationToken ct = default)
    {
        if (_local.Find(channel, conversationId) is not { } state) return;
        try
        {
            await using var db = await database.OpenAsync(ct).ConfigureAwait(false);
            await using var cmd = Command(db, """
                INSERT INTO conversations(channel, conversation_id, state, updated_at) VALUES(@ch, @c, @s, @at)
                ON CONFLICT(channel, conversation_id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at
                WHERE conversations.updated_at < excluded.updated_at
                """, ("ch", channel), ("c", conversationId), ("at", Utc(state.Updated)));
            cmd.Parameters.Add(new NpgsqlParameter("s", NpgsqlDbType.Jsonb) { Value = JsonSerializer.Serialize(state, ConversationStateJson.Default.ConversationState) });
            await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            await PruneAsync(db, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            Diagnostics.Log.ConversationMemoryUnavailable(log, ex.Message);
        }
    }

    /// <summary>Now and then, drops conversations quiet for longer than the expiry, so the table stays small.</summary>
    private async Task PruneAsync(NpgsqlConnection db, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var last = Interlocked.Read(ref _lastPrune);
        if (now.UtcTicks - last < PruneEvery.Ticks || Interlocked.CompareExchange(ref _lastPrune, now.UtcTicks, last) != last) return;
        await ExecAsync(db, null, ct, "DELETE FROM conversations WHERE updated_at <= @oldest", ("oldest", Utc(now - _expiry))).ConfigureAwait(false);
    }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ConversationState))]
internal sealed partial class ConversationStateJson : JsonSerializerContext;
