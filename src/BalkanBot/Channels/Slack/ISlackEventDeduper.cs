namespace BalkanBot.Channels.Slack;

/// <summary>Decides which delivery of a Slack <c>event_id</c> is answered: the first, whichever instance it reaches.</summary>
public interface ISlackEventDeduper
{
    /// <summary>True for the first delivery of <paramref name="eventId"/>, false for every repeat (also concurrent ones).</summary>
    ValueTask<bool> TryClaimAsync(string eventId, CancellationToken ct = default);

    /// <summary>Lets the id be claimed again: used when the event could not be queued, so Slack's retry is answered.</summary>
    ValueTask ReleaseAsync(string eventId, CancellationToken ct = default);
}
