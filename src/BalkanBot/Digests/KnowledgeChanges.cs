using BalkanBot.Answers;
using BalkanBot.Knowledge;

namespace BalkanBot.Digests;

/// <summary>
/// The knowledge database is rebuilt from files and so forgets when anything arrived; this records each record's
/// content hash in the app database after every build or open, which is what "new since the last digest" reads.
/// Recording is idempotent: an unchanged base changes nothing.
/// </summary>
public static class KnowledgeChanges
{
    public static IReadOnlyList<RecordSnapshot> Snapshot(KnowledgeBase kb)
    {
        var list = new List<RecordSnapshot>(kb.TotalRecords);
        foreach (var (id, kind, hash) in kb.Hashes())
        {
            // Events can run to hundreds of thousands and are not held in memory; their names are read when composing.
            var resident = kind == RecordKind.Event ? null : kb.Get(id);
            var value = kind == RecordKind.Figure && resident is not null ? FigureText.Format(resident) : null;
            list.Add(new RecordSnapshot(id, kind, resident?.Name ?? id, hash, value));
        }
        return list;
    }

    public static Task<HashUpdate> RecordAsync(KnowledgeBase kb, IDigestStore store, DateTimeOffset now, CancellationToken ct = default) =>
        store.RecordHashesAsync(Snapshot(kb), now, ct);

    /// <summary>
    /// For `kb build`: the one call the CLI makes after a successful build. A failure here must not fail the build
    /// (the host records again at its next start), so it is reported and swallowed.
    /// </summary>
    public static void RecordAfterBuild(string knowledgeDatabase, string appDatabase, TextWriter report)
    {
        try
        {
            using var kb = KnowledgeBase.Open(knowledgeDatabase);
            var (store, owner) = Storage.StorageServices.OpenDigestStore(Hosting.Settings.Load().Configuration, appDatabase);
            HashUpdate u;
            try { u = RecordAsync(kb, store, TimeProvider.System.GetUtcNow()).GetAwaiter().GetResult(); }
            finally { owner?.DisposeAsync().AsTask().GetAwaiter().GetResult(); }
            report.WriteLine($"Changes recorded for digests: {u.Added} new, {u.Changed} changed, {u.Removed} removed.");
        }
        catch (Exception ex) when (Storage.StoreFailure.Is(ex) || ex is IOException or UnauthorizedAccessException)
        {
            report.WriteLine($"Could not record changes for digests ({ex.Message}); the bot records them at its next start.");
        }
    }
}
