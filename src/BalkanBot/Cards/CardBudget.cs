namespace BalkanBot.Cards;

/// <summary>
/// How big a Teams answer may be. Teams counts the whole message payload (the activity JSON: text, entities, channel
/// data and the card) in UTF-16, two bytes a character. Microsoft's English page gives about 100 KB, older and
/// translated pages 40 KB (HTTP 413 MessageSizeTooBig above); 28 KB is the incoming-webhook limit, not a bot's. We
/// hold the stricter bot value with a margin: a message stays under <see cref="MessageBudgetUtf16"/>. A card on its
/// own stays under <see cref="CardUtf16"/>, which leaves <see cref="MinEnvelopeUtf16"/> for addresses and ids; the
/// Teams channel then measures the whole message (with the citation entity and the answer text) and renders the
/// card smaller while the message is over budget (Channels/Teams/AnswerMessage).
/// </summary>
public static class CardBudget
{
    public const int MessageLimitUtf16 = 40 * 1024;
    /// <summary>The limit less 10 %.</summary>
    public const int MessageBudgetUtf16 = 36 * 1024;
    public const int MinEnvelopeUtf16 = 4 * 1024;
    public const int CardUtf16 = MessageBudgetUtf16 - MinEnvelopeUtf16;

    public static bool Fits(AdaptiveCard card) => AdaptiveCardJson.Utf16Size(card) <= CardUtf16;
}
