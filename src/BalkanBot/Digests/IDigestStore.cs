using BalkanBot.Answers;
using BalkanBot.Knowledge;

namespace BalkanBot.Digests;

/// <summary>
/// Digest state: conversation references, subscriptions, deliveries and record hashes. Kept to plain operations
/// (conditional updates rather than in-process locks) so a PostgreSQL implementation can serve several instances.
/// </summary>
public interface IDigestStore
{
    Task SaveReferenceAsync(string channel, ConversationReference reference, DateTimeOffset now, CancellationToken ct = default);
    Task<ConversationReference?> GetReferenceAsync(string channel, string conversationId, CancellationToken ct = default);

    /// <summary>Adds a subscription, or returns the active one with the same conversation, schedule and filter.</summary>
    Task<(Subscription Subscription, bool Created)> SubscribeAsync(NewSubscription subscription, CancellationToken ct = default);
    /// <summary>Deactivates a conversation's subscriptions (one schedule, or all); returns how many.</summary>
    Task<int> UnsubscribeAsync(string channel, string conversationId, string? schedule, string reason, DateTimeOffset now, CancellationToken ct = default);
    Task<IReadOnlyList<Subscription>> SubscriptionsAsync(string channel, string conversationId, CancellationToken ct = default);
    Task<Subscription?> GetSubscriptionAsync(long id, CancellationToken ct = default);
    Task<IReadOnlyList<Subscription>> DueSubscriptionsAsync(DateTimeOffset now, CancellationToken ct = default);
    Task DeactivateAsync(long subscriptionId, string reason, DateTimeOffset now, CancellationToken ct = default);
    /// <summary>The earliest time anything becomes due (a subscription period or a delivery), if any.</summary>
    Task<DateTimeOffset?> NextWakeAsync(CancellationToken ct = default);

    /// <summary>
    /// Writes the delivery row for (subscription, period) and moves the subscription's next due time, in one
    /// transaction. The row's "since" is the previous delivered period, so each change lands in exactly one digest.
    /// Returns false when the row already existed.
    /// </summary>
    Task<bool> OpenDeliveryAsync(long subscriptionId, DateTimeOffset period, DateTimeOffset nextDue, DateTimeOffset now, CancellationToken ct = default);
    /// <summary>Pending rows whose attempt time has come, and "sending" rows whose claim lapsed (their process died).</summary>
    Task<IReadOnlyList<DigestDelivery>> ReadyDeliveriesAsync(DateTimeOffset now, CancellationToken ct = default);
    /// <summary>Claims a row for one attempt if it is still in the state it was read in; false when another worker has it.</summary>
    Task<bool> TryClaimAsync(DigestDelivery delivery, DateTimeOffset now, TimeSpan lease, CancellationToken ct = default);
    /// <summary>Marks that a request is about to go on the wire (or that the last one came back).</summary>
    Task SetInFlightAsync(long deliveryId, bool inFlight, CancellationToken ct = default);
    /// <summary>Counts another attempt on a claimed row and extends its claim.</summary>
    Task RecordAttemptAsync(long deliveryId, string? failure, DateTimeOffset now, TimeSpan lease, CancellationToken ct = default);
    /// <summary>Hands a claimed row back as pending until <paramref name="until"/>, without counting the attempt.</summary>
    Task DeferAsync(long deliveryId, DateTimeOffset until, string reason, DateTimeOffset now, CancellationToken ct = default);
    Task CompleteAsync(long deliveryId, DeliveryStatus status, string? externalId, string? failure, DateTimeOffset now, CancellationToken ct = default);
    Task<IReadOnlyList<DigestDelivery>> DeliveriesAsync(long subscriptionId, CancellationToken ct = default);

    /// <summary>Compares a build's records with the last known hashes; new and changed records get their times.</summary>
    Task<HashUpdate> RecordHashesAsync(IReadOnlyCollection<RecordSnapshot> records, DateTimeOffset now, CancellationToken ct = default);
    /// <summary>Records first seen or changed in (since, until].</summary>
    Task<IReadOnlyList<RecordChange>> ChangesAsync(DateTimeOffset since, DateTimeOffset until, CancellationToken ct = default);
}

public enum DeliveryStatus { Pending, Sending, Sent, Skipped, Failed, Cancelled }

public sealed record NewSubscription(string Channel, string ConversationId, string Schedule, DigestFilter Filter, string? CreatedBy,
    DateTimeOffset CreatedAt, DateTimeOffset NextDue);

public sealed record Subscription(long Id, string Channel, string ConversationId, string Schedule, DigestFilter Filter, string? CreatedBy,
    DateTimeOffset CreatedAt, DateTimeOffset NextDue, bool Active, string? DeactivatedReason);

public sealed record DigestDelivery(long Id, long SubscriptionId, DateTimeOffset Period, DateTimeOffset Since, DeliveryStatus Status,
    int Attempts, DateTimeOffset NextAttemptAt, DateTimeOffset? LeaseUntil, string? ExternalId, string? Error, bool InFlight = false)
{
    /// <summary>Stable per (subscription, period): the message carries it, so an in-doubt send can be looked up.</summary>
    public string Key => $"digest-{SubscriptionId}-{Period.UtcDateTime:yyyyMMddTHHmmssZ}";
}

/// <summary>A record as one knowledge build has it; Value is the display value of a figure, for "old → new".</summary>
public sealed record RecordSnapshot(string Id, RecordKind Kind, string Name, string Hash, string? Value);

public sealed record RecordChange(string Id, RecordKind Kind, string Name, DateTimeOffset FirstSeen, DateTimeOffset LastChanged,
    string? Value, string? PreviousValue, bool IsNew, string Hash = "");

public sealed record HashUpdate(int Added, int Changed, int Removed, int Unchanged);
