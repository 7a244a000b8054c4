using BalkanBot.Cards;

namespace BalkanBot.Channels.Teams;

/// <summary>What the HTTP response to an activity carries: nothing, an invoke result, or the replies themselves.</summary>
public sealed record TurnResponse(InvokeResponse? Invoke = null, ExpectedReplies? Replies = null, bool QueueFull = false, RawInvokeResult? Raw = null)
{
    public static TurnResponse Empty { get; } = new();
    /// <summary>The turn queue is full: the channel should retry later (the Bot Connector does, on 503).</summary>
    public static TurnResponse Busy { get; } = new(QueueFull: true);
}

/// <summary>
/// An invoke whose HTTP response is not the Universal Actions shape: message/submitAction wants 200 with an empty
/// body, composeExtension/query the extension's result object itself. <paramref name="Problem"/> makes it a 4xx ProblemDetails.
/// </summary>
public sealed record RawInvokeResult(int Status, System.Text.Json.JsonElement? Body = null, string? Problem = null)
{
    public static RawInvokeResult Ok { get; } = new(200);
    public static RawInvokeResult BadRequest(string problem) => new(400, Problem: problem);
}

/// <summary>
/// One incoming activity and where its replies go: to the connector at the activity's serviceUrl, or, for
/// deliveryMode expectReplies, into a list returned in the HTTP response.
/// </summary>
public sealed class Turn
{
    private readonly ConnectorClient _connector;
    private readonly List<Activity>? _buffered;

    public Turn(Activity activity, ConnectorClient connector)
    {
        Activity = activity;
        _connector = connector;
        if (activity.DeliveryMode == ActivityTypes.ExpectReplies) _buffered = [];
    }

    public Activity Activity { get; }
    public bool ExpectsReplies => _buffered is not null;
    /// <summary>A button click: its activity points at the card's message, and answers go below that card.</summary>
    public bool IsCardAction { get; set; }
    public string ConversationId => Activity.Conversation?.Id ?? "";
    public string? UserId => Activity.From?.AadObjectId ?? Activity.From?.Id;

    public IReadOnlyList<Activity> BufferedReplies
    {
        get { lock (_buffered ?? []) return _buffered?.ToList() ?? []; }
    }

    public async Task<ConnectorResult> SendAsync(Activity reply, CancellationToken cancellationToken)
    {
        if (_buffered is not null)
        {
            // Typing indicators mean nothing once the replies come back in one response.
            if (reply.Type != ActivityTypes.Typing) lock (_buffered) _buffered.Add(reply);
            return new ConnectorResult(true, 200);
        }
        return await _connector.SendAsync(reply, cancellationToken).ConfigureAwait(false);
    }

    /// <param name="inThread">False for a fresh message (welcome) rather than a reply to the incoming activity.</param>
    public Activity Reply(AdaptiveCard? card = null, string? text = null, string? summary = null, bool inThread = true)
    {
        var reply = Address(ActivityTypes.Message, inThread);
        reply.Text = text;
        reply.Summary = summary is null ? null : AdaptiveCardRenderer.Clip(summary, 200);
        reply.InputHint = "acceptingInput";
        if (card is not null)
            reply.Attachments = [new Attachment { ContentType = Attachment.AdaptiveCardType, Content = AdaptiveCardJson.ToElement(card) }];
        return reply;
    }

    public Activity Typing() => Address(ActivityTypes.Typing, inThread: true);

    private Activity Address(string type, bool inThread)
    {
        var a = Activity;
        return new Activity
        {
            Type = type,
            ServiceUrl = a.ServiceUrl,
            ChannelId = a.ChannelId,
            From = a.Recipient is null ? null : new ChannelAccount { Id = a.Recipient.Id, Name = a.Recipient.Name },
            Recipient = a.From is null ? null : new ChannelAccount { Id = a.From.Id, Name = a.From.Name, AadObjectId = a.From.AadObjectId },
            Conversation = a.Conversation is null ? null : new ConversationAccount
            {
                Id = a.Conversation.Id,
                ConversationType = a.Conversation.ConversationType,
                TenantId = a.Conversation.TenantId,
                IsGroup = a.Conversation.IsGroup,
            },
            ReplyToId = !inThread ? null : IsCardAction ? a.ReplyToId ?? a.Id : a.Id,
            Locale = a.Locale,
        };
    }
}
