using System.Text.Json;
using BalkanBot.Diagnostics;
using BalkanBot.Storage;

namespace BalkanBot.Channels.Teams;

public sealed partial class TeamsBot
{
    public const int MaxFeedbackComment = 2000;

    /// <summary>
    /// Teams' own 👍/👎 (feedbackLoopEnabled): <c>value: { actionName: "feedback", actionValue: { reaction, feedback } }</c>,
    /// <c>replyToId</c> the rated message. Stored with that answer's question, intent and records; the response is 200
    /// with an empty body. Anything that is not a like/dislike is a 400, never a 500.
    /// </summary>
    private async Task<RawInvokeResult> OnFeedbackLoopAsync(Turn turn, CancellationToken cancellationToken)
    {
        var a = turn.Activity;
        if (a.Value is not { ValueKind: JsonValueKind.Object } value) return RawInvokeResult.BadRequest("value is not an object");
        if (!value.TryGetProperty("actionName", out var name) || name.ValueKind != JsonValueKind.String || name.GetString() != "feedback")
            return RawInvokeResult.BadRequest("actionName is not \"feedback\"");
        if (!value.TryGetProperty("actionValue", out var action) || action.ValueKind != JsonValueKind.Object)
            return RawInvokeResult.BadRequest("actionValue is not an object");
        var rating = action.TryGetProperty("reaction", out var reaction) && reaction.ValueKind == JsonValueKind.String
            ? reaction.GetString() switch { "like" => Cards.CardVerbs.RatingUp, "dislike" => Cards.CardVerbs.RatingDown, _ => null }
            : null;
        if (rating is null) return RawInvokeResult.BadRequest("reaction is not \"like\" or \"dislike\"");
        var comment = Comment(action);
        var answer = _answers.ForActivity(a.ReplyToId);
        await _store.AddFeedbackAsync(new Feedback(ChannelKeys.Teams, turn.ConversationId, turn.UserId, answer?.Question ?? "", rating, comment, _clock.GetUtcNow())
        {
            Intent = answer?.Intent.ToString(),
            RecordIds = answer?.RecordIds ?? [],
        }, cancellationToken).ConfigureAwait(false);
        Log.TeamsNativeFeedbackStored(_log, rating, answer is not null, comment is not null);
        return RawInvokeResult.Ok;
    }

    /// <summary>
    /// <c>actionValue.feedback</c> is a JSON string, <c>{"feedbackText": "…"}</c> from the default form; a custom form
    /// may send other keys, and an older client plain text. The user's words, clipped; null when there are none.
    /// </summary>
    internal static string? Comment(JsonElement actionValue)
    {
        if (!actionValue.TryGetProperty("feedback", out var feedback)) return null;
        string? text = null;
        if (feedback.ValueKind == JsonValueKind.String)
        {
            var raw = feedback.GetString() ?? "";
            try
            {
                using var doc = JsonDocument.Parse(raw, new JsonDocumentOptions { MaxDepth = 8 });
                text = doc.RootElement.ValueKind == JsonValueKind.Object
                    ? doc.RootElement.TryGetProperty("feedbackText", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : doc.RootElement.GetRawText()
                    : doc.RootElement.ValueKind == JsonValueKind.String ? doc.RootElement.GetString() : raw;
            }
            catch (JsonException)
            {
                text = raw;
            }
        }
        else if (feedback.ValueKind == JsonValueKind.Object)
            text = feedback.TryGetProperty("feedbackText", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        text = text?.Trim();
        return string.IsNullOrEmpty(text) ? null : text.Length > MaxFeedbackComment ? text[..MaxFeedbackComment] : text;
    }

    /// <summary>The search message extension: answered in the HTTP response, within Teams' 5 s.</summary>
    private async Task<RawInvokeResult> OnComposeQueryAsync(Turn turn, CancellationToken cancellationToken)
    {
        var query = ComposeSearch.ReadQuery(turn.Activity.Value);
        if (query is null) return RawInvokeResult.BadRequest("value is not a query");
        var started = _clock.GetTimestamp();
        var result = await _search.SearchAsync(query, turn.UserId, cancellationToken).ConfigureAwait(false);
        Log.TeamsComposeQuery(_log, result.ComposeExtension.Attachments.Count, (long)_clock.GetElapsedTime(started).TotalMilliseconds);
        return new RawInvokeResult(200, JsonSerializer.SerializeToElement(result, TeamsJson.Context.MessagingExtensionResponse));
    }
}
