using Microsoft.Extensions.Options;
using Npgsql;

namespace BalkanBot.Storage;

/// <summary>
/// The PostgreSQL database that instances share: one pooled data source, and the schema brought to the version this
/// build knows before the first command runs. Migrations take an advisory lock, so instances starting together
/// apply each one once; they only add, so an older instance keeps working while a newer one rolls out.
/// </summary>
public sealed class PostgresDatabase : IAsyncDisposable
{
    /// <summary>Advisory lock key for schema changes (any constant; "BalkanBo" in ASCII).</summary>
    private const long MigrationLock = 0x42616c6b616e426f;

    private readonly SemaphoreSlim _migrating = new(1, 1);
    private readonly ILogger<PostgresDatabase> _log;
    private volatile bool _migrated;

    public PostgresDatabase(IOptions<StorageOptions> options, ILogger<PostgresDatabase> log)
    {
        _log = log;
        var connection = options.Value.PostgreSql;
        if (string.IsNullOrWhiteSpace(connection)) throw new InvalidOperationException("Storage:PostgreSql is not set.");
        DataSource = NpgsqlDataSource.Create(connection);
    }

    public NpgsqlDataSource DataSource { get; }

    /// <summary>An open connection on a schema at <see cref="PostgresMigrations.Latest"/> or later.</summary>
    public async Task<NpgsqlConnection> OpenAsync(CancellationToken ct = default)
    {
        if (!_migrated) await MigrateAsync(ct).ConfigureAwait(false);
        return await DataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
    }

    /// <summary>Applies the migrations this database lacks; returns the versions applied now.</summary>
    public async Task<IReadOnlyList<int>> MigrateAsync(CancellationToken ct = default)
    {
        await _migrating.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (_migrated) return [];
            await using var db = await DataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
            await using var tx = await db.BeginTransactionAsync(ct).ConfigureAwait(false);
            await ExecAsync(db, tx, ct, "SELECT pg_advisory_xact_lock(@k)", ("k", MigrationLock));
            await ExecAsync(db, tx, ct, "CREATE TABLE IF NOT EXISTS schema_version(version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())");
            var applied = new HashSet<int>();
            await using (var read = Command(db, "SELECT version FROM schema_version"))
            {
                read.Transaction = tx;
                await using var r = await read.ExecuteReaderAsync(ct).ConfigureAwait(false);
                while (await r.ReadAsync(ct).ConfigureAwait(false)) applied.Add(r.GetInt32(0));
            }
            var now = new List<int>();
            foreach (var (version, sql) in PostgresMigrations.All.Where(m => !applied.Contains(m.Version)))
            {
                await ExecAsync(db, tx, ct, sql);
                await ExecAsync(db, tx, ct, "INSERT INTO schema_version(version) VALUES(@v)", ("v", version));
                now.Add(version);
            }
            await tx.CommitAsync(ct).ConfigureAwait(false);
            _migrated = true;
            Diagnostics.Log.PostgresSchemaReady(_log, applied.Concat(now).DefaultIfEmpty().Max(), now.Count);
            return now;
        }
        finally
        {
            _migrating.Release();
        }
    }

    public static NpgsqlCommand Command(NpgsqlConnection db, string sql, params (string Name, object? Value)[] values)
    {
        var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in values) cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return cmd;
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1068:CancellationToken parameters must come last",
        Justification = "The SQL's parameter values are a params array, which must come last.")]
    public static async Task<int> ExecAsync(NpgsqlConnection db, NpgsqlTransaction? tx, CancellationToken ct, string sql,
        params (string Name, object? Value)[] values)
    {
        await using var cmd = Command(db, sql, values);
        cmd.Transaction = tx;
        return await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    /// <summary>timestamptz takes UTC only.</summary>
    public static DateTimeOffset Utc(DateTimeOffset t) => t.ToUniversalTime();

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();
}

/// <summary>Applies the schema at start, so a database that cannot be reached or migrated stops the host with one clear line.</summary>
internal sealed class PostgresSchemaService(PostgresDatabase database) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => database.MigrateAsync(cancellationToken);
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
