using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using BalkanBot.Hosting;
using BalkanBot.Knowledge;
using BalkanBot.Storage;
using Microsoft.Extensions.Options;

namespace BalkanBot.Digests;

/// <summary>`balkanbot digest preview` and `balkanbot digest run-due`.</summary>
internal static class DigestCli
{
    private static readonly DigestJsonContext Indented = new(new JsonSerializerOptions(DigestJsonContext.Default.Options)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public static int Preview(KnowledgeBase kb, string appDatabase, IConfiguration configuration, string? since, string? filter, bool json,
        TextWriter output, TextWriter error)
    {
        var options = DigestServices.LoadOptions(configuration);
        IReadOnlyDictionary<string, DigestSchedule> schedules;
        try { schedules = options.BuildSchedules(); }
        catch (InvalidOperationException ex) { error.WriteLine(ex.Message); return 1; }
        var request = SubscriptionRequest.Parse(filter, kb, schedules.Keys);
        if (request.Unrecognised.Count > 0)
        {
            error.WriteLine($"Not a country or actor in the knowledge base: {string.Join(" ", request.Unrecognised)}");
            return 2;
        }
        var schedule = request.Schedule ?? SubscriptionService.DefaultSchedule;
        var zone = schedules.TryGetValue(schedule, out var s) ? s.Zone : schedules.Values.First().Zone;
        var now = TimeProvider.System.GetUtcNow();
        if (!TryParseSince(since, zone, now, out var from))
        {
            error.WriteLine($"--since '{since}' is neither a date (yyyy-MM-dd) nor an ISO time.");
            return 2;
        }
        var (store, owner) = StorageServices.OpenDigestStore(configuration, appDatabase);
        Digest digest;
        try
        {
            // Record first, so edits built since the bot last started count as changes.
            KnowledgeChanges.RecordAsync(kb, store, now).GetAwaiter().GetResult();
            digest = SubscriptionService.ComposeAsync(store, new DigestComposer(kb, Options.Create(options)), from, now, request.Filter,
                schedule, zone, CancellationToken.None).GetAwaiter().GetResult();
        }
        finally
        {
            owner?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
        output.Write(json ? JsonSerializer.Serialize(digest, Indented.Digest) + Environment.NewLine : DigestText.Render(digest));
        return 0;
    }

    public static int RunDue(TextWriter output, TextWriter error)
    {
        // The host's own wiring (channels, senders, store), without starting its server or its scheduler loop.
        using var app = BotHost.Build([]);
        var services = app.Services;
        try
        {
            var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
            KnowledgeChanges.RecordAsync(services.GetRequiredService<KnowledgeBase>(), services.GetRequiredService<IDigestStore>(), now)
                .GetAwaiter().GetResult();
            var summary = services.GetRequiredService<DigestRunner>().RunDueAsync().GetAwaiter().GetResult();
            output.WriteLine($"Digests: {summary.Opened} period(s) opened, {summary.Sent} sent, {summary.Skipped} skipped (nothing new), " +
                             $"{summary.Failed} failed, {summary.Cancelled} cancelled, {summary.InDoubt} in doubt (not resent).");
            return summary.Failed > 0 ? 3 : 0;
        }
        catch (Exception ex) when (ex is InvalidOperationException or FileNotFoundException)
        {
            error.WriteLine(ex.Message);
            return 1;
        }
    }

    internal static bool TryParseSince(string? text, TimeZoneInfo zone, DateTimeOffset now, out DateTimeOffset since)
    {
        since = now - SubscriptionService.UnsubscribedWindow;
        if (string.IsNullOrWhiteSpace(text)) return true;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            var local = day.ToDateTime(TimeOnly.MinValue);
            since = new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
            return true;
        }
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out since);
    }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Digest))]
internal sealed partial class DigestJsonContext : JsonSerializerContext;
