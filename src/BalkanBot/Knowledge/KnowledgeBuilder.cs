using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace BalkanBot.Knowledge;

public sealed record BuildResult(string DatabasePath, int Records, IReadOnlyDictionary<RecordKind, int> ByKind, TimeSpan Elapsed,
    IReadOnlyList<(string Id, RecordKind Kind, string Name, string Hash)> Hashes);

/// <summary>
/// Compiles knowledge/ into one SQLite file. It builds into a temporary file and renames it over the old one only
/// when everything succeeded, so a bad edit never leaves the bot without its last good database.
/// </summary>
public static class KnowledgeBuilder
{
    // 2: events have their own FTS index. 3: figures carry qualifier and period. 4: the synonym list is stored.
    // 5: the indexed text reads "€" and "$" as "euro" and "dollar".
    public const int SchemaVersion = 5;

    /// <summary>
    /// Builds the database from a knowledge folder. Errors name files under <paramref name="displayRoot"/> when given
    /// (the folder as the user typed it), else relative to the current directory.
    /// </summary>
    public static BuildResult Build(string knowledgeRoot, string databasePath, string? displayRoot = null) =>
        Build(KnowledgeLoader.Load(knowledgeRoot, displayRoot), databasePath, Retrieval.Synonyms.Load(knowledgeRoot), SourceHash(knowledgeRoot));

    /// <summary>
    /// SHA-256 over every YAML file's path (relative, '/'-separated) and bytes, in ordinal order: what a build was made
    /// from. Unlike file times it survives copies, checkouts and image layers, so a changed knowledge/ is always rebuilt.
    /// </summary>
    public static string SourceHash(string knowledgeRoot)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var files = Directory.EnumerateFiles(knowledgeRoot, "*.y*ml", SearchOption.AllDirectories)
            .Select(f => (Path: f, Name: Path.GetRelativePath(knowledgeRoot, f).Replace('\\', '/')))
            .OrderBy(f => f.Name, StringComparer.Ordinal);
        foreach (var (path, name) in files)
        {
            sha.AppendData(Encoding.UTF8.GetBytes(name + "\n"));
            var bytes = File.ReadAllBytes(path);
            sha.AppendData(BitConverter.GetBytes((long)bytes.Length));
            sha.AppendData(bytes);
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    /// <summary>A value the build wrote into the database's meta table; null when absent or unreadable.</summary>
    public static string? ReadMeta(string databasePath, string key)
    {
        try
        {
            using var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            db.Open();
            using var cmd = db.CreateCommand();
            cmd.CommandText = "SELECT value FROM meta WHERE key = $k";
            cmd.Parameters.AddWithValue("$k", key);
            return cmd.ExecuteScalar() as string;
        }
        catch (SqliteException)
        {
            return null;
        }
    }

    internal static BuildResult Build(IReadOnlyList<KnowledgeRecord> records, string databasePath, Retrieval.Synonyms? synonyms = null, string? sourceHash = null)
    {
        var sw = Stopwatch.StartNew();
        var full = Path.GetFullPath(databasePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = full + $".{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        var hashes = new List<(string, RecordKind, string, string)>(records.Count);
        try
        {
            using (var db = new SqliteConnection($"Data Source={temp};Pooling=False"))
            {
                db.Open();
                Exec(db, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA page_size=8192;");
                Exec(db, Schema);
                using var tx = db.BeginTransaction();
                var insert = Prepare(db, tx, "INSERT INTO records(rowid,id,kind,name,date_start,date_end,country,hash,json) VALUES($r,$id,$k,$n,$ds,$de,$c,$h,$j)");
                var fts = Prepare(db, tx, "INSERT INTO records_fts(rowid,name,aliases,body) VALUES($r,$n,$a,$b)");
                var eventsFts = Prepare(db, tx, "INSERT INTO events_fts(rowid,name,aliases,body) VALUES($r,$n,$a,$b)");
                var rel = Prepare(db, tx, "INSERT INTO relations(source_id,target_id,relation) VALUES($s,$t,$rel)");
                var alias = Prepare(db, tx, "INSERT INTO aliases(alias_norm,record_id,alias) VALUES($an,$id,$a)");
                long rowid = 0;
                foreach (var r in records)
                {
                    rowid++;
                    var json = KnowledgeRecordJson.Serialize(r with { File = r.File, Line = r.Line });
                    var hash = Hash(KnowledgeRecordJson.Serialize(r with { File = "", Line = 0 }));
                    hashes.Add((r.Id, r.Kind, r.Name, hash));
                    var (start, end) = Span(r);
                    Run(insert, ("$r", rowid), ("$id", r.Id), ("$k", r.Kind.ToString()), ("$n", r.Name), ("$ds", start), ("$de", end),
                        ("$c", CountryOf(r)), ("$h", hash), ("$j", json));
                    Run(r.Kind == RecordKind.Event ? eventsFts : fts, ("$r", rowid), ("$n", TextNormalizer.Normalize(r.Name)),
                        ("$a", TextNormalizer.Normalize(string.Join(" | ", r.Aliases))), ("$b", TextNormalizer.Normalize(BodyText(r))));
                    foreach (var (target, relation) in r.References.Distinct())
                        Run(rel, ("$s", r.Id), ("$t", target), ("$rel", relation));
                    foreach (var source in r.AllCitations.Select(c => c.Source).Distinct())
                        Run(rel, ("$s", r.Id), ("$t", source), ("$rel", "cites"));
                    // Only things people name are linked by name; figure and claim ids would turn "thanks" into "tanks".
                    foreach (var a in r.Kind is RecordKind.Actor or RecordKind.Agreement or RecordKind.Event ? r.Aliases.Prepend(r.Name).Distinct() : [])
                    {
                        var norm = TextNormalizer.Normalize(a);
                        if (norm.Length > 0) Run(alias, ("$an", norm), ("$id", r.Id), ("$a", a));
                    }
                }
                var meta = Prepare(db, tx, "INSERT INTO meta(key,value) VALUES($k,$v)");
                Run(meta, ("$k", "schema_version"), ("$v", SchemaVersion.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                Run(meta, ("$k", "synonyms"), ("$v", System.Text.Json.JsonSerializer.Serialize((synonyms ?? Retrieval.Synonyms.Empty).Groups)));
                Run(meta, ("$k", "built_at"), ("$v", DateTimeOffset.UtcNow.ToString("O")));
                Run(meta, ("$k", "content_hash"), ("$v", Hash(string.Join("\n", hashes.Select(h => h.Item1 + ":" + h.Item4)))));
                if (sourceHash is not null) Run(meta, ("$k", "source_hash"), ("$v", sourceHash));
                tx.Commit();
                Exec(db, "INSERT INTO records_fts(records_fts) VALUES('optimize'); INSERT INTO events_fts(events_fts) VALUES('optimize'); ANALYZE;");
            }
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
        var byKind = records.GroupBy(r => r.Kind).ToDictionary(g => g.Key, g => g.Count());
        return new BuildResult(full, records.Count, byKind, sw.Elapsed, hashes);
    }

    private const string Schema = """
        CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE records(rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, kind TEXT NOT NULL, name TEXT NOT NULL,
            date_start TEXT, date_end TEXT, country TEXT, hash TEXT NOT NULL, json TEXT NOT NULL);
        CREATE INDEX records_kind_date ON records(kind, date_start);
        CREATE INDEX records_date ON records(date_start);
        CREATE TABLE relations(source_id TEXT NOT NULL, target_id TEXT NOT NULL, relation TEXT NOT NULL);
        CREATE INDEX relations_target ON relations(target_id, relation);
        CREATE INDEX relations_source ON relations(source_id);
        CREATE TABLE aliases(alias_norm TEXT NOT NULL, record_id TEXT NOT NULL, alias TEXT NOT NULL);
        CREATE VIRTUAL TABLE records_fts USING fts5(name, aliases, body, tokenize='unicode61 remove_diacritics 2');
        CREATE VIRTUAL TABLE events_fts USING fts5(name, aliases, body, tokenize='unicode61 remove_diacritics 2');
        """;

    /// <summary>The text BM25 searches: everything a person might ask about, names weighted separately.</summary>
    internal static string BodyText(KnowledgeRecord r)
    {
        var sb = new StringBuilder();
        void Add(string? s) { if (!string.IsNullOrWhiteSpace(s)) sb.Append(s).Append(". "); }
        Add(r.Type); Add(r.Subtype); Add(r.Summary?.Text); Add(r.Role?.Text); Add(r.Text); Add(r.Author);
        foreach (var f in r.Facts) Add(f.Text);
        Add(string.Join(" ", r.Topics)); Add(string.Join(" ", r.Provisions));
        Add(r.PlaceText); Add(r.Place?.Area); Add(r.Place?.Location); Add(r.Signatories);
        Add(r.Measure); Add(r.ValueText); Add(r.Unit); Add(r.Qualifier); Add(r.Stance); Add(r.Casualties);
        Add(r.Title); Add(r.Publisher); Add(string.Join(" ", r.Authors));
        return sb.ToString();
    }

    internal static (string? Start, string? End) Span(KnowledgeRecord r)
    {
        var d = r.Date ?? r.AsOf ?? r.End; // a war known only by its end still belongs on a timeline
        if (d is null) return (null, null);
        var end = (r.End ?? d).EndInclusive;
        return (d.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    private static string? CountryOf(KnowledgeRecord r) => r.Place?.Country ?? r.Country;

    /// <summary>The schema version a database was built with; 0 when it cannot be read.</summary>
    public static int ReadSchemaVersion(string databasePath)
    {
        try
        {
            using var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            db.Open();
            using var cmd = db.CreateCommand();
            cmd.CommandText = "SELECT value FROM meta WHERE key = 'schema_version'";
            return int.TryParse(cmd.ExecuteScalar() as string, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : 0;
        }
        catch (SqliteException)
        {
            return 0;
        }
    }

    public static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];

    private static void Exec(SqliteConnection db, string sql)
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private static SqliteCommand Prepare(SqliteConnection db, SqliteTransaction tx, string sql)
    {
        var cmd = db.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        return cmd;
    }

    private static void Run(SqliteCommand cmd, params (string Name, object? Value)[] values)
    {
        cmd.Parameters.Clear();
        foreach (var (name, value) in values) cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        cmd.ExecuteNonQuery();
    }
}
