using BalkanBot.Answers;
using BalkanBot.Channels;
using BalkanBot.Diagnostics;
using BalkanBot.Routing;
using Microsoft.Extensions.Options;

namespace BalkanBot.Digests;

/// <summary>Where a command came from: our channel key ("teams", "slack"), how to reach the conversation, and who asked.</summary>
public sealed record DigestConversation(string Channel, ConversationReference Reference, string? UserId);

/// <summary>
/// subscribe / unsubscribe / subscriptions / digest, for every channel. Replies are Answers, so Teams cards and
/// Slack blocks render them with the renderers every other reply uses; each confirmation says what was
/// subscribed and when the next digest comes.
/// </summary>
public sealed partial class SubscriptionService(IDigestStore store, DigestComposer composer, IOptions<DigestOptions> digestOptions,
    TimeProvider clock, ILogger<SubscriptionService> log)
{
    private readonly DigestOptions _options = digestOptions.Value;
    private readonly IReadOnlyDictionary<string, DigestSchedule> _schedules = digestOptions.Value.BuildSchedules();

    public const string DefaultSchedule = "weekly";
    public static readonly string[] Channels = [ChannelKeys.Teams, ChannelKeys.Slack];

    /// <summary>Maps the router's command words and Slack's subcommands onto our four verbs.</summary>
    public static string? Verb(string command) => command.Trim().ToLowerInvariant() switch
    {
        "subscribe" => "subscribe",
        "unsubscribe" => "unsubscribe",
        "my subscriptions" or "subscriptions" or "list" => "subscriptions",
        "digest now" or "digest preview" or "send digest" or "digest" or "preview" => "digest",
        _ => null,
    };

    public async Task<Answer> ExecuteAsync(string verb, string arguments, DigestConversation conversation, string questionText, CancellationToken ct)
    {
        var q = string.IsNullOrWhiteSpace(questionText) ? $"{verb} {arguments}".Trim() : questionText;
        if (!Channels.Contains(conversation.Channel))
            return Reply(q, "Digests",
                "Digest subscriptions are made from a Teams or Slack conversation, where the digest can be delivered. " +
                "Say \"subscribe weekly\" to BalkanBot in Teams, or type `/balkan subscribe weekly` in Slack.");
        return verb switch
        {
            "subscribe" => await SubscribeAsync(q, arguments, conversation, ct).ConfigureAwait(false),
            "unsubscribe" => await UnsubscribeAsync(q, arguments, conversation, ct).ConfigureAwait(false),
            "subscriptions" => await ListAsync(q, conversation, ct).ConfigureAwait(false),
            "digest" => await PreviewAsync(q, arguments, conversation, ct).ConfigureAwait(false),
            _ => Reply(q, "Digests", Usage),
        };
    }

    private const string Usage = "Say \"subscribe weekly\", \"subscribe daily Kosovo\", \"subscribe weekly agreements\", \"my subscriptions\", " +
                                 "\"digest now\" or \"unsubscribe\".";

    private async Task<Answer> SubscribeAsync(string q, string arguments, DigestConversation c, CancellationToken ct)
    {
        if (c.Channel == ChannelKeys.Teams && string.IsNullOrWhiteSpace(c.Reference.ServiceUrl))
            return Reply(q, "Could not subscribe", "Teams did not tell me how to reach this conversation later (no serviceUrl), so I cannot send it digests.");
        var request = SubscriptionRequest.Parse(arguments, composer.Knowledge, _schedules.Keys);
        if (request.Unrecognised.Count > 0)
            return Reply(q, "Could not subscribe",
                $"I did not recognise \"{string.Join(" ", request.Unrecognised)}\" as a country or actor in the knowledge base, so nothing was subscribed. " +
                "A filter can be a country or actor (\"Kosovo\", \"KFOR\") and/or a kind (agreements, incidents, figures).");
        var name = request.Schedule ?? DefaultSchedule;
        if (!_schedules.TryGetValue(name, out var schedule))
            return Reply(q, "Could not subscribe", $"There is no '{name}' schedule. Choose one of: {string.Join(", ", _schedules.Keys.Order())}.");

        var now = clock.GetUtcNow();
        await store.SaveReferenceAsync(c.Channel, c.Reference, now, ct).ConfigureAwait(false);
        var (sub, created) = await store.SubscribeAsync(
            new NewSubscription(c.Channel, c.Reference.ConversationId, schedule.Name, request.Filter, c.UserId, now, schedule.Next(now)), ct).ConfigureAwait(false);
        if (created) Log.SubscriptionCreated(log, sub.Id, sub.Channel, sub.ConversationId, sub.Schedule, sub.Filter.Canonical);

        var what = Describe(sub.Filter);
        var lead = created ? "Subscribed. This conversation will get" : "Already subscribed: this conversation gets";
        var empty = schedule.SendEmpty ? "When nothing is new, a short note says so." : "When nothing is new, no digest is sent.";
        return Reply(q, $"Subscribed: {schedule.Name} digest" + (sub.Filter.IsNone ? "" : $" ({sub.Filter.Label})"),
            $"{lead} the {schedule.Name} digest of {what}, {schedule.Cadence()}. The next one comes on {schedule.Describe(sub.NextDue)}. {empty} " +
            "Say \"unsubscribe\" to stop.",
            [new("Schedule", $"{schedule.Name}: {schedule.Cadence()}", []), new("Covers", what, []), new("Next digest", schedule.Describe(sub.NextDue), [])]);
    }

    private async Task<Answer> UnsubscribeAsync(string q, string arguments, DigestConversation c, CancellationToken ct)
    {
        var request = SubscriptionRequest.Parse(arguments, composer.Knowledge, _schedules.Keys);
        var count = await store.UnsubscribeAsync(c.Channel, c.Reference.ConversationId, request.Schedule, "unsubscribed by request", clock.GetUtcNow(), ct)
            .ConfigureAwait(false);
        if (count > 0) Log.SubscriptionsRemoved(log, count, c.Channel, c.Reference.ConversationId);
        var which = request.Schedule is null ? "digest" : $"{request.Schedule} digest";
        return count == 0
            ? Reply(q, "No subscription to remove", $"This conversation has no {which} subscription. Say \"my subscriptions\" to see what it gets.")
            : Reply(q, "Unsubscribed", $"Removed {count} {which} subscription{(count == 1 ? "" : "s")}: this conversation will get no more {which}s" +
                                       (request.Schedule is null ? "." : $"; other schedules stay as they were."));
    }

    private async Task<Answer> ListAsync(string q, DigestConversation c, CancellationToken ct)
    {
        var subs = await store.SubscriptionsAsync(c.Channel, c.Reference.ConversationId, ct).ConfigureAwait(false);
        if (subs.Count == 0) return Reply(q, "No subscriptions", "This conversation gets no digests. " + Usage);
        var facts = subs.Select(s => _schedules.TryGetValue(s.Schedule, out var sch)
            ? new AnswerFact($"{s.Schedule} digest", $"{Describe(s.Filter)}; {sch.Cadence()}; next on {sch.Describe(s.NextDue)}", [])
            : new AnswerFact($"{s.Schedule} digest", $"{Describe(s.Filter)}; schedule no longer configured", [])).ToList();
        return Reply(q, "Digest subscriptions", $"This conversation has {subs.Count} digest subscription{(subs.Count == 1 ? "" : "s")}.", facts);
    }

    private string Describe(DigestFilter f)
    {
        var about = f.EntityIds.Count == 0 ? "" : " about " + RecordFacts.Names(composer.Knowledge, f.EntityIds);
        var kinds = f.Kinds.Count == 0 ? "agreements, incidents and figures" : RecordFacts.JoinAnd(f.Kinds.Select(DigestFilter.KindWord).ToList());
        return $"new and changed {kinds}{about}";
    }

    internal static Answer Reply(string question, string title, string text, IReadOnlyList<AnswerFact>? facts = null) => new()
    {
        Question = question,
        Answered = true,
        Intent = IntentKind.Subscription,
        Title = title,
        Text = text,
        Facts = facts ?? [],
        Confidence = 1,
    };
}
