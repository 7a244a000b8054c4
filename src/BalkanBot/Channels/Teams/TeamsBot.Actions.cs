using System.Text.Json;
using BalkanBot.Answers;
using BalkanBot.Cards;
using BalkanBot.Diagnostics;
using BalkanBot.Storage;

namespace BalkanBot.Channels.Teams;

public sealed partial class TeamsBot
{
    /// <summary>
    /// Action.Execute arrives as an adaptiveCard/action invoke whose HTTP response is the result. Follow-ups,
    /// sources and "show more" answer as new messages below the card (so the card stays), acknowledged in the
    /// response; feedback comes back as the same card with a thank-you in place of the buttons.
    /// </summary>
    private async Task<InvokeResponse> OnInvokeAsync(Turn turn, CancellationToken cancellationToken)
    {
        var a = turn.Activity;
        if (a.Name != ActivityTypes.AdaptiveCardAction)
        {
            Log.TeamsActivityIgnored(_log, $"invoke {a.Name}");
            return Error(400, "NotSupported", $"This bot does not handle '{a.Name}' invokes.");
        }
        var action = a.Value is { ValueKind: JsonValueKind.Object } v && v.TryGetProperty("action", out var act) && act.ValueKind == JsonValueKind.Object ? act : (JsonElement?)null;
        var data = action is { } x && x.TryGetProperty("data", out var d) ? AdaptiveCardJson.ReadActionData(d) : null;
        if (data is null) return Error(400, "BadRequest", "The card action is not one of this bot's buttons.");
        turn.IsCardAction = true;
        try
        {
            switch (data.Action)
            {
                case CardVerbs.Feedback:
                    return await FeedbackAsync(turn, data, cancellationToken).ConfigureAwait(false) is { } error
                        ? Error(400, "BadRequest", error)
                        : _answers.Get(data.AnswerId) is { } rated
                            ? CardResponse(AdaptiveCardRenderer.Render(rated,
                                new CardRenderOptions(data.AnswerId, _answers.EchoesQuestion(data.AnswerId), data.Rating)))
                            : MessageResponse("Thanks, your feedback was recorded.");
                default:
                    if (!_background.TryEnqueue(turn.ConversationId, $"action {data.Action}", ct => ActAsync(turn, data, ct), BackgroundTurns.GroupOf(a)))
                        return MessageResponse(BackgroundTurns.BusyText);
                    return MessageResponse(data.Action == CardVerbs.FollowUp ? $"Looking up: {AdaptiveCardRenderer.Clip(data.Question ?? "", 120)}" : "One moment…");
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.TeamsAnswerFailed(_log, ex);
            return Error(500, "InternalError", "Something went wrong on our side.");
        }
    }

    /// <summary>Action.Submit fallback: a message whose value is the button's data; replies are plain messages.</summary>
    private async Task OnSubmitAsync(Turn turn, CardActionData data, CancellationToken cancellationToken)
    {
        if (data.Action != CardVerbs.Feedback)
        {
            await ActAsync(turn, data, cancellationToken).ConfigureAwait(false);
            return;
        }
        var error = await FeedbackAsync(turn, data, cancellationToken).ConfigureAwait(false);
        var text = error ?? (data.Rating == CardVerbs.RatingUp ? "Thanks, your 👍 was recorded." : "Thanks, your 👎 was recorded; the maintainers will look at this answer.");
        await turn.SendAsync(turn.Reply(text: text), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The buttons that produce a new message: a follow-up question, an answer's sources, the next page of a list.</summary>
    private async Task ActAsync(Turn turn, CardActionData data, CancellationToken cancellationToken)
    {
        switch (data.Action)
        {
            case CardVerbs.FollowUp when !string.IsNullOrWhiteSpace(data.Question):
                await AnswerAsync(turn, data.Question, echoQuestion: true, cancellationToken).ConfigureAwait(false);
                return;
            case CardVerbs.Sources when _answers.Get(data.AnswerId) is { } answer:
                await SendCardAsync(turn, AdaptiveCardRenderer.RenderMore(answer, AdaptiveCardRenderer.SourcesSection, 0, data.AnswerId), cancellationToken).ConfigureAwait(false);
                return;
            case CardVerbs.Sources:
                // The card's answer is gone (restart); the conversation's latest answer is the next best thing.
                await AnswerAsync(turn, "show sources", echoQuestion: false, cancellationToken).ConfigureAwait(false);
                return;
            case CardVerbs.More when _answers.Get(data.AnswerId) is { } answer && data.Section is not null:
                await SendCardAsync(turn, AdaptiveCardRenderer.RenderMore(answer, data.Section, data.Offset ?? 0, data.AnswerId), cancellationToken).ConfigureAwait(false);
                return;
            default:
                var retry = string.IsNullOrWhiteSpace(data.Question) ? ExampleQuestions.All : [data.Question];
                await SendCardAsync(turn, AdaptiveCardRenderer.Notice("That button has expired",
                    "The answer it belonged to is no longer in memory. Ask the question again:", retry), cancellationToken).ConfigureAwait(false);
                return;
        }
    }

    private static async Task SendCardAsync(Turn turn, AdaptiveCard card, CancellationToken cancellationToken) =>
        await turn.SendAsync(turn.Reply(card, summary: card.FallbackText), cancellationToken).ConfigureAwait(false);

    /// <summary>Stores a 👍/👎 in the app database; returns a message for the user when the click is not a valid rating.</summary>
    private async Task<string?> FeedbackAsync(Turn turn, CardActionData data, CancellationToken cancellationToken)
    {
        if (data.Rating is not (CardVerbs.RatingUp or CardVerbs.RatingDown)) return "That rating is not one of 👍 or 👎.";
        var question = _answers.Get(data.AnswerId)?.Question ?? data.Question ?? "";
        await _store.AddFeedbackAsync(new Feedback(ChannelKeys.Teams, turn.ConversationId, turn.UserId, question, data.Rating, null, _clock.GetUtcNow()),
            cancellationToken).ConfigureAwait(false);
        Log.TeamsFeedbackStored(_log, data.Rating);
        return null;
    }

    private static InvokeResponse CardResponse(AdaptiveCard card) =>
        new() { Type = InvokeResponse.CardType, Value = AdaptiveCardJson.ToElement(card) };

    private static InvokeResponse MessageResponse(string text) =>
        new() { Type = InvokeResponse.MessageType, Value = JsonSerializer.SerializeToElement(text, TeamsJson.Context.String) };

    private static InvokeResponse Error(int status, string code, string message) => new()
    {
        StatusCode = status,
        Type = InvokeResponse.ErrorType,
        Value = JsonSerializer.SerializeToElement(new InvokeError(code, message), TeamsJson.Context.InvokeError),
    };
}

public sealed record InvokeError(string Code, string Message);
