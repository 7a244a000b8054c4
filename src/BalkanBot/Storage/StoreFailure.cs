using Microsoft.Data.Sqlite;

namespace BalkanBot.Storage;

/// <summary>
/// The app database refused a read or write: it is read-only, locked, full, or no longer the file the bot opened.
/// Channels tell the user the thing was not saved, instead of confirming it or staying silent.
/// </summary>
public sealed class AppStoreUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

public static class StoreFailure
{
    /// <summary>True when <paramref name="ex"/> (or an exception inside it) comes from the app database (SQLite or PostgreSQL).</summary>
    public static bool Is(Exception? ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
            if (e is SqliteException or Npgsql.NpgsqlException or AppStoreUnavailableException) return true;
        return ex is AggregateException agg && agg.InnerExceptions.Any(Is);
    }
}
