using Microsoft.Data.Sqlite;

namespace BalkanBot.Storage;

/// <summary>SQLite (WAL) implementation of the app store; the schema is created and migrated on open.</summary>
public sealed partial class SqliteAppStore : IAppStore
{
    private readonly string _connectionString;

    public SqliteAppStore(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = true, DefaultTimeout = 30 }.ToString();
        using var db = Open();
        Exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;");
        Migrate(db);
    }

    internal SqliteConnection Open()
    {
        var db = new SqliteConnection(_connectionString);
        db.Open();
        Exec(db, "PRAGMA busy_timeout=5000; PRAGMA foreign_keys=ON;");
        return db;
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

    public async Task AddFeedbackAsync(Feedback f, CancellationToken cancellationToken = default)
    {
        await using var db = Open();
        await using var cmd = db.CreateCommand();
        cmd.CommandText = "INSERT INTO feedback(channel,conversation_id,user_id,question,rating,comment,at) VALUES($c,$cv,$u,$q,$r,$cm,$at)";
        cmd.Parameters.AddWithValue("$c", f.Channel);
        cmd.Parameters.AddWithValue("$cv", f.ConversationId);
        cmd.Parameters.AddWithValue("$u", (object?)f.UserId ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$q", f.Question.Length > 1000 ? f.Question[..1000] : f.Question);
        cmd.Parameters.AddWithValue("$r", f.Rating);
        cmd.Parameters.AddWithValue("$cm", (object?)f.Comment ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$at", f.At.ToString("O"));
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
