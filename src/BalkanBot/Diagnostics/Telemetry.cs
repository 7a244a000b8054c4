using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;

namespace BalkanBot.Diagnostics;

/// <summary>
/// The app's one <see cref="ActivitySource"/> and one <see cref="Meter"/> (both named <see cref="Name"/>), with every
/// instrument the bot records. Nothing leaves the process unless an exporter is configured (see TelemetryServices).
/// </summary>
public static class Telemetry
{
    public const string Name = "BalkanBot";

    private static readonly string? Version = typeof(Telemetry).Assembly.GetName().Version?.ToString();

    public static readonly ActivitySource Source = new(Name, Version);

    public static readonly Meter Meter = new(Name, Version);

    public static readonly Histogram<double> AnswerDuration = Meter.CreateHistogram<double>(
        "balkanbot.answer.duration", unit: "s", description: "Time to answer one message, phrasing included, by intent and channel.");

    public static readonly Counter<long> AnswersDeclined = Meter.CreateCounter<long>(
        "balkanbot.answers.declined", description: "Messages the knowledge base held no sourced answer for, by intent and channel.");

    public static readonly Counter<long> ConnectorErrors = Meter.CreateCounter<long>(
        "balkanbot.connector.errors", description: "Bot Connector calls that failed after retries, by HTTP status (0: no answer).");

    public static readonly Counter<long> SlackApiErrors = Meter.CreateCounter<long>(
        "balkanbot.slack.errors", description: "Slack Web API and response_url calls that failed, by method and HTTP status (0: no answer).");

    public static readonly Counter<long> DigestDeliveries = Meter.CreateCounter<long>(
        "balkanbot.digest.deliveries", description: "Digest deliveries by channel and outcome: sent, failed or deactivated.");

    private static readonly ConditionalWeakTable<object, QueueGauge> Queues = [];

    static Telemetry()
    {
        Meter.CreateObservableGauge("balkanbot.queue.depth", ObserveQueues,
            description: "Work accepted by a channel's queue and not yet finished, by channel.");
    }

    /// <summary>Span names: low-cardinality operation names, the details go in tags.</summary>
    public static class Spans
    {
        public const string Turn = "turn";
        public const string Answer = "answer";
        public const string ConnectorSend = "connector.send";
        public const string SlackCall = "slack.call";
    }

    /// <summary>Tag names on spans and metric points.</summary>
    public static class Tags
    {
        public const string Channel = "balkanbot.channel";
        public const string Intent = "balkanbot.intent";
        public const string Outcome = "balkanbot.outcome";
        public const string WorkKind = "balkanbot.work.kind";
        public const string ConversationId = "balkanbot.conversation.id";
        public const string ActivityType = "balkanbot.activity.type";
        public const string SlackMethod = "slack.method";
        public const string SlackError = "slack.error";
        public const string Status = "http.response.status_code";
    }

    /// <summary>Values of <see cref="Tags.Outcome"/>.</summary>
    public static class Outcomes
    {
        public const string Answered = "answered";
        public const string Declined = "declined";
        public const string Error = "error";
        public const string Delivered = "delivered";
        public const string Failed = "failed";
        public const string Sent = "sent";
        public const string Deactivated = "deactivated";
    }

    /// <summary>
    /// A span for one piece of a channel's work. <paramref name="parent"/> is the context the work was accepted in
    /// (the inbound request), so a turn answered after the HTTP response still belongs to the request's trace.
    /// </summary>
    public static Activity? StartTurn(string channel, string kind, string? conversationId, ActivityContext parent = default)
    {
        var span = Source.StartActivity(Spans.Turn, ActivityKind.Internal, parent);
        span?.SetTag(Tags.Channel, channel);
        span?.SetTag(Tags.WorkKind, kind);
        span?.SetTag(Tags.ConversationId, conversationId);
        return span;
    }

    /// <summary>Tags the answer span and the turn around it, and records latency and declines.</summary>
    public static void AnswerRecorded(Activity? span, string channel, string intent, bool answered, TimeSpan elapsed)
    {
        var outcome = answered ? Outcomes.Answered : Outcomes.Declined;
        foreach (var s in new[] { span, span?.Parent is { Source.Name: Name, OperationName: Spans.Turn } turn ? turn : null })
        {
            s?.SetTag(Tags.Intent, intent);
            s?.SetTag(Tags.Outcome, outcome);
        }
        var tags = new TagList { { Tags.Intent, intent }, { Tags.Channel, channel } };
        AnswerDuration.Record(elapsed.TotalSeconds, tags);
        if (!answered) AnswersDeclined.Add(1, tags);
    }

    /// <summary>Marks a span failed with the exception's type (never its message, which may quote user text).</summary>
    public static void Failed(Activity? span, Exception exception)
    {
        span?.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
        span?.SetTag(Tags.Outcome, Outcomes.Error);
    }

    /// <summary>Reports a channel queue's depth on the queue-depth gauge for as long as the queue lives.</summary>
    public static void TrackQueue(object queue, string channel, Func<int> depth) => Queues.AddOrUpdate(queue, new QueueGauge(channel, depth));

    public static void UntrackQueue(object queue) => Queues.Remove(queue);

    private static IEnumerable<Measurement<int>> ObserveQueues()
    {
        var byChannel = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (_, gauge) in Queues) byChannel[gauge.Channel] = byChannel.GetValueOrDefault(gauge.Channel) + gauge.Depth();
        return byChannel.Select(c => new Measurement<int>(c.Value, new KeyValuePair<string, object?>(Tags.Channel, c.Key)));
    }

    private sealed record QueueGauge(string Channel, Func<int> Depth);
}
