using System.Diagnostics;
using Npgsql;

namespace BalkanBot.Tests.Storage;

/// <summary>
/// A throwaway PostgreSQL cluster for the test run: initdb and pg_ctl into a temporary directory, listening only on a
/// Unix socket in that directory (no TCP port to collide with), stopped and deleted when the collection ends.
/// initdb refuses to run as root, so as root the cluster is created and run as "nobody". Each test takes a fresh
/// database of its own, so tests never see each other's rows.
/// </summary>
public sealed class PostgresCluster : IAsyncLifetime
{
    private const int Port = 5432;
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "bbpg-" + Guid.NewGuid().ToString("N")[..8]);
    private string? _bin;
    private int _databases;

    /// <summary>Socket directory; Npgsql treats a Host that starts with '/' as a Unix socket directory.</summary>
    public string SocketDirectory => _dir;

    public async Task InitializeAsync()
    {
        // Without the binaries the fixture stays empty: [PostgresFact] skips outside CI, and under CI the first
        // database a test asks for fails with the reason. Tests in the collection that need no server still run.
        _bin = PostgresBinaries.Find();
        if (_bin is null) return;
        Directory.CreateDirectory(_dir);
        var asRoot = Environment.UserName == "root";
        if (asRoot) await RunAsync("chown", "nobody", _dir);
        await RunPgAsync(asRoot, "initdb", "-D", Path.Combine(_dir, "data"), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync", "--no-instructions");
        await RunPgAsync(asRoot, "pg_ctl", "-D", Path.Combine(_dir, "data"), "-l", Path.Combine(_dir, "server.log"), "-w", "-t", "60",
            "-o", $"-k {_dir} -p {Port} -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200", "start");
    }

    /// <summary>A new empty database; the connection string names it.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        if (_bin is null) throw new InvalidOperationException(PostgresBinaries.MissingReason);
        var name = $"t{Interlocked.Increment(ref _databases)}_{Guid.NewGuid():N}"[..20];
        await using (var db = new NpgsqlConnection(ConnectionString("postgres")))
        {
            await db.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", db);
            await cmd.ExecuteNonQueryAsync();
        }
        return ConnectionString(name);
    }

    private string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder { Host = _dir, Port = Port, Username = "postgres", Database = database, Timeout = 15 }.ToString();

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_bin is not null && Directory.Exists(Path.Combine(_dir, "data")))
        {
            try { await RunPgAsync(Environment.UserName == "root", "pg_ctl", "-D", Path.Combine(_dir, "data"), "-m", "immediate", "-w", "stop"); }
            catch (InvalidOperationException) { } // already gone; the directory still goes
        }
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private Task RunPgAsync(bool asRoot, string tool, params string[] args) =>
        asRoot ? RunAsync("runuser", ["-u", "nobody", "--", Path.Combine(_bin!, tool), .. args]) : RunAsync(Path.Combine(_bin!, tool), args);

    private static async Task RunAsync(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath() };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited with {process.ExitCode}: {await stdout}{await stderr}");
    }
}

/// <summary>Where Debian's postgresql package puts initdb and pg_ctl (they are not on PATH), or PATH.</summary>
public static class PostgresBinaries
{
    public const string MissingReason =
        "PostgreSQL server binaries (initdb, pg_ctl) not found: install Debian's postgresql package (apt-get install postgresql, " +
        "as .ci/run does) to run the shared-state and multi-instance tests. Under CI=true these tests fail instead of skipping.";

    public static string? Find()
    {
        var candidates = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0)
                .Select(d => Path.Combine(d, "bin"))
            : [];
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator);
        return candidates.Concat(path).FirstOrDefault(dir => File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl")));
    }
}

/// <summary>A fact that needs a PostgreSQL server; skipped outside CI, saying what to install, when the binaries are missing.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("CI") != "true" && PostgresBinaries.Find() is null) Skip = PostgresBinaries.MissingReason;
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresClusterDefinition : ICollectionFixture<PostgresCluster>
{
    public const string Name = "PostgreSQL";
}
