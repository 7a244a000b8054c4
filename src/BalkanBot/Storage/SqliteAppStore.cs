using Microsoft.Data.Sqlite;

namespace BalkanBot.Storage;

/// <summary>
/// SQLite (WAL) implementation of the app store; the schema is created and migrated on open. Every operation
/// opens the file by its path (no pooled handles) and checks that it is still the database this process created or
/// opened, by a random identity written into it: a file deleted or replaced while the bot runs is noticed at the
/// next read or write, reported as unhealthy, and refused, instead of writes going to a deleted file and
/// vanishing at the next restart.
/// </summary>
public sealed partial class SqliteAppStore : IAppStore
{
    private readonly string _path;
    private readonly string _connectionString;
    private readonly string _identity;
    private readonly ILogger _log;
    private volatile string? _lost;

    public SqliteAppStore(string path, ILogger<SqliteAppStore>? log = null)
    {
        _path = Path.GetFullPath(path);
        _log = (ILogger?)log ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        var create = new SqliteConnectionStringBuilder { DataSource = _path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false, DefaultTimeout = 30 };
        using (var db = new SqliteConnection(create.ToString()))
        {
            db.Open();
            Exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;");
            Migrate(db);
            _identity = ReadIdentity(db) ?? throw new InvalidOperationException($"App database {_path} has no identity row.");
        }
        // From here on the file must exist: a missing one is an error, never a new empty database.
        _connectionString = new SqliteConnectionStringBuilder(create.ToString()) { Mode = SqliteOpenMode.ReadWrite }.ToString();
    }

    /// <summary>Why the database cannot be used (deleted, replaced), or null while it is the one the bot opened.</summary>
    public string? Lost => _lost;

    internal SqliteConnection Open()
    {
        if (_lost is { } lost) throw new AppStoreUnavailableException($"The app database is unavailable: {lost}.");
        var db = new SqliteConnection(_connectionString);
        try
        {
            db.Open();
            Exec(db, "PRAGMA busy_timeout=5000; PRAGMA foreign_keys=ON;");
            var found = ReadIdentity(db);
            if (found == _identity) return db;
            throw MarkLost(found is null ? "it has no identity row (replaced by another file)" : "its identity changed (replaced by another file)", null);
        }
        catch (SqliteException ex) when (!File.Exists(_path))
        {
            db.Dispose();
            throw MarkLost("the file was deleted", ex);
        }
        catch (SqliteException ex) when (ex.Message.Contains("no such table", StringComparison.OrdinalIgnoreCase))
        {
            db.Dispose();
            throw MarkLost("it has no identity table (replaced by another file)", ex);
        }
        catch
        {
            db.Dispose();
            throw;
        }
    }

    /// <summary>A real write (and the identity check that comes with opening): fails on a read-only, full, deleted or replaced file.</summary>
    public async Task<string?> CheckAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = Open();
            await using var cmd = db.CreateCommand();
            cmd.CommandText = "INSERT INTO store_health(id, checked_at) VALUES(1, $at) ON CONFLICT(id) DO UPDATE SET checked_at = excluded.checked_at";
            cmd.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.ToString("O"));
            await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (Exception ex) when (StoreFailure.Is(ex))
        {
            Diagnostics.Log.AppStoreWriteFailed(_log, ex.Message);
            return ex.Message;
        }
    }

    private AppStoreUnavailableException MarkLost(string reason, Exception? inner)
    {
        if (_lost is null) Diagnostics.Log.AppStoreReplaced(_log, _path, reason);
        _lost = reason;
        return new AppStoreUnavailableException($"The app database is unavailable: {reason}.", inner);
    }

    private static string? ReadIdentity(SqliteConnection db)
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = "SELECT token FROM store_identity LIMIT 1";
        return cmd.ExecuteScalar() as string;
    }

    /// <summary>Ordered migrations; each runs once, recorded in schema_migrations.</summary>
    private static readonly (int Version, string Sql)[] Migrations =
    [
        (1, """
            CREATE TABLE feedback(id INTEGER PRIMARY KEY, channel TEXT NOT NULL, conversation_id TEXT NOT NULL, user_id TEXT,
                question TEXT NOT NULL, rating TEXT NOT NULL, comment TEXT, at TEXT NOT NULL);
            """),
        // Digests (Digests/SqliteDigestStore*.cs). Times are UTC ISO-8601 ("O") so text order is time order.
        (2, """
            CREATE TABLE conversation_references(channel TEXT NOT NULL, conversation_id TEXT NOT NULL, service_url TEXT,
                tenant_id TEXT, bot_id TEXT, channel_id TEXT, conversation_type TEXT, updated_at TEXT NOT NULL,
                PRIMARY KEY(channel, conversation_id));
            CREATE TABLE subscriptions(id INTEGER PRIMARY KEY, channel TEXT NOT NULL, conversation_id TEXT NOT NULL,
                schedule TEXT NOT NULL, filter TEXT NOT NULL DEFAULT '', filter_label TEXT, created_by TEXT,
                created_at TEXT NOT NULL, next_due TEXT NOT NULL, active INTEGER NOT NULL DEFAULT 1, deactivated_at TEXT,
                deactivated_reason TEXT);
            CREATE UNIQUE INDEX subscriptions_one_active ON subscriptions(channel, conversation_id, schedule, filter) WHERE active = 1;
            CREATE INDEX subscriptions_due ON subscriptions(active, next_due);
            CREATE TABLE deliveries(id INTEGER PRIMARY KEY, subscription_id INTEGER NOT NULL REFERENCES subscriptions(id),
                period TEXT NOT NULL, since TEXT NOT NULL, status TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0,
                next_attempt_at TEXT NOT NULL, lease_until TEXT, external_id TEXT, error TEXT, created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL, UNIQUE(subscription_id, period));
            CREATE INDEX deliveries_status ON deliveries(status, next_attempt_at);
            CREATE TABLE record_hashes(id TEXT PRIMARY KEY, kind TEXT NOT NULL, name TEXT NOT NULL, hash TEXT NOT NULL,
                value TEXT, previous_hash TEXT, previous_value TEXT, first_seen TEXT NOT NULL, last_changed TEXT NOT NULL,
                removed_at TEXT);
            CREATE INDEX record_hashes_changed ON record_hashes(last_changed);
            CREATE TABLE record_values(id TEXT NOT NULL, at TEXT NOT NULL, hash TEXT NOT NULL, value TEXT, PRIMARY KEY(id, at));
            """),
        // 1 only while a digest request is on the wire, so a restart knows which interrupted sends may have arrived.
        (3, "ALTER TABLE deliveries ADD COLUMN in_flight INTEGER NOT NULL DEFAULT 0;"),
        // Which file this is: checked on every open, so a deleted or swapped database is noticed while running.
        (4, """
            CREATE TABLE store_identity(token TEXT NOT NULL);
            INSERT INTO store_identity(token) VALUES(lower(hex(randomblob(16))));
            CREATE TABLE store_health(id INTEGER PRIMARY KEY, checked_at TEXT NOT NULL);
            """),
    ];

    private static void Migrate(SqliteConnection db)
    {
        Exec(db, "CREATE TABLE IF NOT EXISTS schema_migrations(version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)");
        foreach (var (version, sql) in Migrations)
        {
            using var check = db.CreateCommand();
            check.CommandText = "SELECT count(*) FROM schema_migrations WHERE version = $v";
            check.Parameters.AddWithValue("$v", version);
            if (Convert.ToInt64(check.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0) continue;
            using var tx = db.BeginTransaction();
            using (var cmd = db.CreateCommand()) { cmd.Transaction = tx; cmd.CommandText = sql; cmd.ExecuteNonQuery(); }
            using (var mark = db.CreateCommand())
            {
                mark.Transaction = tx;
                mark.CommandText = "INSERT INTO schema_migrations(version, applied_at) VALUES($v, $at)";
                mark.Parameters.AddWithValue("$v", version);
                mark.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.ToString("O"));
                mark.ExecuteNonQuery();
            }
            tx.Commit();
        }
    }

    public async Task AddFeedbackAsync(Feedback feedback, CancellationToken cancellationToken = default)
    {
        await using var db = Open();
        await using var cmd = db.CreateCommand();
        cmd.CommandText = "INSERT INTO feedback(channel,conversation_id,user_id,question,rating,comment,at) VALUES($c,$cv,$u,$q,$r,$cm,$at)";
        cmd.Parameters.AddWithValue("$c", feedback.Channel);
        cmd.Parameters.AddWithValue("$cv", feedback.ConversationId);
        cmd.Parameters.AddWithValue("$u", (object?)feedback.UserId ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$q", feedback.Question.Length > 1000 ? feedback.Question[..1000] : feedback.Question);
        cmd.Parameters.AddWithValue("$r", feedback.Rating);
        cmd.Parameters.AddWithValue("$cm", (object?)feedback.Comment ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$at", feedback.At.ToString("O"));
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<Feedback>> RecentFeedbackAsync(int limit, CancellationToken cancellationToken = default)
    {
        await using var db = Open();
        await using var cmd = db.CreateCommand();
        cmd.CommandText = "SELECT channel,conversation_id,user_id,question,rating,comment,at FROM feedback ORDER BY id DESC LIMIT $l";
        cmd.Parameters.AddWithValue("$l", limit);
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        var list = new List<Feedback>();
        while (await r.ReadAsync(cancellationToken))
            list.Add(new Feedback(r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetString(3), r.GetString(4),
                r.IsDBNull(5) ? null : r.GetString(5), DateTimeOffset.Parse(r.GetString(6), System.Globalization.CultureInfo.InvariantCulture)));
        return list;
    }

    internal static void Exec(SqliteConnection db, string sql)
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
