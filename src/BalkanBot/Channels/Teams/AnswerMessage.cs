using System.Text.Json;
using BalkanBot.Answers;
using BalkanBot.Cards;

namespace BalkanBot.Channels.Teams;

/// <summary>
/// An answer as the Teams message that carries it: the card, and where the conversation has them (<see cref="TeamsSurface"/>)
/// the citation text and entity, the AI label, Teams' feedback control and the stream's final marker. Also how big
/// that message is the way Teams counts it.
/// </summary>
public static class AnswerMessage
{
    /// <param name="reply">An addressed, empty message (<see cref="Turn.Reply"/>); filled in and returned.</param>
    public static Activity Compose(Activity reply, Answer answer, CardRenderOptions options, TeamsSurface surface, string? streamId = null)
    {
        var limits = options.Limits ?? CardLimits.Default;
        Fill(reply, answer, options with { Limits = limits }, surface, streamId);
        // The card is the part that can give: shorter lists (each with its "show more") until the message fits.
        for (var attempt = 0; attempt < 6 && Utf16Bytes(reply) > CardBudget.MessageBudgetUtf16; attempt++)
        {
            limits = limits.Halve();
            Fill(reply, answer, options with { Limits = limits }, surface, streamId);
        }
        // Still over (a huge table, long links in many citations): the short answer and a button to the sources.
        if (Utf16Bytes(reply) > CardBudget.MessageBudgetUtf16) Fill(reply, answer, options, surface, streamId, minimal: true);
        if (Utf16Bytes(reply) > CardBudget.MessageBudgetUtf16) Fill(reply, answer, options, surface with { Citations = false }, streamId, minimal: true);
        return reply;
    }

    private static void Fill(Activity reply, Answer answer, CardRenderOptions options, TeamsSurface surface, string? streamId, bool minimal = false)
    {
        var nativeFeedback = surface.FeedbackLoop && answer.InvitesFeedback();
        options = options with { NativeFeedback = nativeFeedback };
        var card = minimal ? AdaptiveCardRenderer.Minimal(answer, options) : AdaptiveCardRenderer.Render(answer, options);
        reply.Text = null;
        reply.Entities = null;
        reply.Summary = AdaptiveCardRenderer.Clip(answer.Title, 200);
        reply.Attachments = [new Attachment { ContentType = Attachment.AdaptiveCardType, Content = AdaptiveCardJson.ToElement(card) }];
        var entities = new List<Entity>();
        if (surface.Citations && AiMessage.For(answer) is { } message)
        {
            reply.Text = AiMessage.Text(answer);
            entities.Add(message);
        }
        if (streamId is not null) entities.Add(StreamInfo.Final(streamId));
        if (entities.Count > 0) reply.Entities = entities;
        if (nativeFeedback) reply.ChannelData = JsonSerializer.SerializeToElement(new FeedbackLoopChannelData(), TeamsJson.Context.FeedbackLoopChannelData);
    }

    /// <summary>The whole activity as Teams measures a message against its size limit: JSON text in UTF-16, 2 bytes a unit.</summary>
    public static int Utf16Bytes(Activity activity) => JsonSerializer.Serialize(activity, TeamsJson.Context.Activity).Length * 2;
}
