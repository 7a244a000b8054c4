using BalkanBot.Answers;
using Microsoft.Extensions.Options;

namespace BalkanBot.Digests;

public sealed partial class SubscriptionService
{
    /// <summary>How far back "digest now" looks in a conversation that has no subscription yet.</summary>
    public static readonly TimeSpan UnsubscribedWindow = TimeSpan.FromDays(7);

    /// <summary>
    /// "digest now": what the next digest would hold if it went out now, shown in place and marking nothing as
    /// delivered, so the scheduled digest still comes complete.
    /// </summary>
    private async Task<Answer> PreviewAsync(string q, string arguments, DigestConversation c, CancellationToken ct)
    {
        var request = SubscriptionRequest.Parse(arguments, composer.Knowledge, _schedules.Keys);
        if (request.Unrecognised.Count > 0)
            return Reply(q, "No preview", $"I did not recognise \"{string.Join(" ", request.Unrecognised)}\" as a country or actor in the knowledge base.");
        var now = clock.GetUtcNow();
        var subs = await store.SubscriptionsAsync(c.Channel, c.Reference.ConversationId, ct).ConfigureAwait(false);
        var sub = subs.FirstOrDefault(s => request.Schedule is null || s.Schedule == request.Schedule);
        DateTimeOffset since;
        DigestFilter filter;
        string scheduleName;
        string note;
        if (sub is not null && request.Filter.IsNone)
        {
            since = await LastDeliveredAsync(store, sub, ct).ConfigureAwait(false);
            (filter, scheduleName) = (sub.Filter, sub.Schedule);
            note = $"Preview: what the next {sub.Schedule} digest would hold if it went out now. The scheduled digest still comes.";
        }
        else
        {
            since = now - UnsubscribedWindow;
            (filter, scheduleName) = (request.Filter, request.Schedule ?? DefaultSchedule);
            note = "Preview of the last 7 days" + (subs.Count == 0 ? "; this conversation has no digest subscription." : ".");
        }
        var digest = await ComposeAsync(store, composer, since, now, filter, scheduleName, ZoneOf(scheduleName), ct).ConfigureAwait(false);
        return DigestAnswer.From(digest, q) with { Note = note };
    }

    private TimeZoneInfo ZoneOf(string schedule) =>
        _schedules.TryGetValue(schedule, out var s) ? s.Zone
        : TimeZoneInfo.TryFindSystemTimeZoneById(_options.TimeZone, out var z) ? z : TimeZoneInfo.Utc;

    /// <summary>The end of the window the last digest covered (or the subscription's start): where "new" begins.</summary>
    public static async Task<DateTimeOffset> LastDeliveredAsync(IDigestStore store, Subscription sub, CancellationToken ct)
    {
        var rows = await store.DeliveriesAsync(sub.Id, ct).ConfigureAwait(false);
        return rows.Where(r => r.Status is not (DeliveryStatus.Failed or DeliveryStatus.Cancelled))
            .Select(r => (DateTimeOffset?)r.Period).Max() ?? sub.CreatedAt;
    }

    public static async Task<Digest> ComposeAsync(IDigestStore store, DigestComposer composer, DateTimeOffset since, DateTimeOffset until,
        DigestFilter filter, string schedule, TimeZoneInfo zone, CancellationToken ct)
    {
        var changes = await store.ChangesAsync(since, until, ct).ConfigureAwait(false);
        return composer.Compose(changes, filter, since, until, schedule, zone);
    }
}
