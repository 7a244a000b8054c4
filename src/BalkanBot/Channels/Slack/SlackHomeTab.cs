using System.Globalization;
using BalkanBot.Cards;
using BalkanBot.Diagnostics;
using BalkanBot.Digests;
using BalkanBot.Knowledge;

namespace BalkanBot.Channels.Slack;

/// <summary>
/// The App Home tab: gathers what <see cref="BlockKitHome"/> shows for one user and publishes it with views.publish,
/// and ends a digest from its Unsubscribe button. The user's channels come from users.conversations, so a Home tab
/// lists (and can end) only digests of channels that user is in, as <c>/balkan unsubscribe</c> typed there would.
/// </summary>
public sealed class SlackHomeTab(KnowledgeBase kb, SlackSuggestions suggestions, IDigestStore digests, SlackApiClient api, TimeProvider clock,
    ILogger<SlackHomeTab> log)
{
    public const int MaxSubscriptions = 20;
    public const int MaxExamples = 6;
    public const int MaxLatest = 5;
    private static readonly TimeSpan AdditionsWindow = TimeSpan.FromDays(90);

    public async Task PublishAsync(string user, CancellationToken ct)
    {
        var blocks = BlockKitHome.Render(await ContentAsync(user, ct).ConfigureAwait(false));
        await api.PublishHomeAsync(new SlackViewPublish(user, new SlackHomeView(blocks)), ct).ConfigureAwait(false);
    }

    internal async Task<HomeContent> ContentAsync(string user, CancellationToken ct)
    {
        var counts = kb.Counts.Where(k => k.Value > 0).OrderBy(k => k.Key)
            .Select(k => new HomeCount(KindName(k.Key), k.Value)).ToList();
        var (latest, additions) = await LatestAsync(ct).ConfigureAwait(false);
        List<HomeSubscription>? subscriptions = null;
        var more = 0;
        if (await api.UserConversationsAsync(user, ct).ConfigureAwait(false) is { } channels)
        {
            subscriptions = [];
            foreach (var channel in channels.Where(SlackIds.IsId))
            {
                foreach (var s in await digests.SubscriptionsAsync(ChannelKeys.Slack, channel, ct).ConfigureAwait(false))
                {
                    if (!s.Active) continue;
                    if (subscriptions.Count < MaxSubscriptions) subscriptions.Add(new HomeSubscription(s.Id, channel, s.Schedule, s.Filter.Label, s.NextDue));
                    else more++;
                }
            }
        }
        return new HomeContent(counts, latest, additions, subscriptions, more, suggestions.Take(MaxExamples).Select(s => s.Question).ToList());
    }

    /// <summary>Ends the subscription named by the button, if it is a Slack digest of a channel the user is in.</summary>
    public async Task UnsubscribeAsync(string user, string? value, CancellationToken ct)
    {
        if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id)) return;
        var subscription = await digests.GetSubscriptionAsync(id, ct).ConfigureAwait(false);
        if (subscription is not { Active: true, Channel: ChannelKeys.Slack }) return;
        var channels = await api.UserConversationsAsync(user, ct).ConfigureAwait(false);
        if (channels is null || !channels.Contains(subscription.ConversationId))
        {
            Log.SlackHomeUnsubscribeRefused(log, id);
            return;
        }
        await digests.DeactivateAsync(id, "unsubscribed from the Slack Home tab", clock.GetUtcNow(), ct).ConfigureAwait(false);
    }

    /// <summary>Records first seen in the last 90 days (digests keep those times); otherwise the newest dated records.</summary>
    private async Task<(IReadOnlyList<HomeRecord>, bool)> LatestAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var changes = (await digests.ChangesAsync(now - AdditionsWindow, now, ct).ConfigureAwait(false))
            .Where(c => c.IsNew && c.Kind is not RecordKind.Source).ToList();
        // The first build the store saw brings most of the base at one instant: that is the base, not an addition.
        var imports = changes.GroupBy(c => c.FirstSeen).Where(g => g.Count() > kb.TotalRecords / 2).Select(g => g.Key).ToHashSet();
        var added = changes.Where(c => !imports.Contains(c.FirstSeen)).OrderByDescending(c => c.FirstSeen).Take(MaxLatest)
            .Select(c => new HomeRecord(kb.Get(c.Id)?.Name ?? c.Name, KindWord(c.Kind),
                c.FirstSeen.UtcDateTime.ToString("d MMM yyyy", CultureInfo.InvariantCulture)))
            .ToList();
        if (added.Count > 0) return (added, true);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var dated = kb.InPeriod(new DateOnly(1900, 1, 1), today, [RecordKind.Agreement, RecordKind.Event], limit: MaxLatest)
            .Select(r => new HomeRecord(r.Name, KindWord(r.Kind), r.Date?.Display ?? "")).ToList();
        return (dated, false);
    }

    private static string KindName(RecordKind k) => k switch
    {
        RecordKind.Source => "Sources",
        RecordKind.Actor => "Actors",
        RecordKind.Agreement => "Agreements",
        RecordKind.Event => "Events",
        RecordKind.Figure => "Figures",
        RecordKind.Claim => "Analysts' claims",
        RecordKind.Conflict => "Source conflicts",
        _ => k.ToString(),
    };

    private static string KindWord(RecordKind k) => k.ToString().ToLowerInvariant();
}
