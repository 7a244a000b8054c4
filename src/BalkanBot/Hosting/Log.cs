namespace BalkanBot.Hosting;

/// <summary>Every log message the bot writes. Never pass tokens, secrets or full message bodies.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Knowledge database built: {Records} records in {Milliseconds} ms at {Path}")]
    public static partial void KnowledgeBuilt(ILogger logger, int records, long milliseconds, string path);

    [LoggerMessage(2, LogLevel.Error, "Knowledge files have {Count} error(s); serving the last good database. First: {First}")]
    public static partial void KnowledgeBuildFailed(ILogger logger, int count, string first);
}
