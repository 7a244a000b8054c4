using System.Collections;
using System.Diagnostics;
using System.Net;
using BalkanBot.Diagnostics;
using BalkanBot.Hosting;
using BalkanBot.Tests.Integration;
using BalkanBot.Tests.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace BalkanBot.Tests.Diagnostics;

/// <summary>Turns through the real /api/messages, recorded by the in-memory exporter.</summary>
public sealed class TelemetryTests : IAsyncLifetime
{
    private readonly Collected<Activity> _spans = new();
    private readonly Collected<MetricSnapshot> _metrics = new();
    private FakeConnector _connector = null!;
    private TeamsBotFactory _bot = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _bot = new TeamsBotFactory(services: s => s.AddBotOpenTelemetry()
            .WithTracing(t => t.AddInMemoryExporter(_spans))
            .WithMetrics(m => m.AddInMemoryExporter(_metrics)));
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task Message_AnsweredTurn_RequestTurnAnswerAndConnectorSpansInOneTrace()
    {
        var conversation = "otel-" + Guid.NewGuid().ToString("N");

        var response = await _bot.PostActivityAsync(TestActivities.Message(_connector.ServiceUrl, "When was UNSCR 1244 adopted?", conversation));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await _connector.WaitForAsync(1);
        await _bot.Turns.WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(10));
        var turn = _spans.Snapshot().Single(s => s.OperationName == Telemetry.Spans.Turn && Tag(s, Telemetry.Tags.ConversationId) == conversation);
        await TestWait.UntilAsync(() => Inbound(turn) is not null, TimeSpan.FromSeconds(10), "the inbound request span");
        var trace = _spans.Snapshot().Where(s => s.TraceId == turn.TraceId).ToList();
        var inbound = Inbound(turn)!;
        var answer = Assert.Single(trace, s => s.OperationName == Telemetry.Spans.Answer);
        var sends = trace.Where(s => s.OperationName == Telemetry.Spans.ConnectorSend).ToList();

        Assert.Equal(inbound.SpanId, turn.ParentSpanId);
        Assert.Equal(turn.SpanId, answer.ParentSpanId);
        Assert.NotEmpty(sends);
        Assert.All(sends, s => Assert.Equal(turn.SpanId, s.ParentSpanId));
        Assert.Equal(("teams", "Date", "answered"), (Tag(turn, Telemetry.Tags.Channel), Tag(turn, Telemetry.Tags.Intent), Tag(turn, Telemetry.Tags.Outcome)));
        Assert.Equal(("teams", "Date", "answered"), (Tag(answer, Telemetry.Tags.Channel), Tag(answer, Telemetry.Tags.Intent), Tag(answer, Telemetry.Tags.Outcome)));
        Assert.Contains(sends, s => Tag(s, Telemetry.Tags.Outcome) == "delivered" && s.GetTagItem(Telemetry.Tags.Status) is 200);
    }

    [Fact]
    public async Task Message_AnsweredAndDeclined_LatencyAndDeclineMetricsByIntentAndChannel()
    {
        await _bot.PostActivityAsync(TestActivities.Message(_connector.ServiceUrl, "When was UNSCR 1244 adopted?", "otel-m1"));
        await _bot.PostActivityAsync(TestActivities.Message(_connector.ServiceUrl, "What is the population of Atlantis in 2031?", "otel-m2"));
        await _connector.WaitForAsync(2);
        await _bot.Turns.WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(_bot.Services.GetRequiredService<MeterProvider>().ForceFlush(10_000));

        var latency = Points("balkanbot.answer.duration");
        Assert.Contains(latency, p => Tags(p) is var t && t[Telemetry.Tags.Intent] == "Date" && t[Telemetry.Tags.Channel] == "teams" && p.GetHistogramCount() >= 1);
        Assert.Contains(Points("balkanbot.answers.declined"), p => Tags(p)[Telemetry.Tags.Channel] == "teams" && p.GetSumLong() >= 1);
        Assert.Contains(Points("balkanbot.queue.depth"), p => Tags(p)[Telemetry.Tags.Channel] == "teams");
    }

    [Fact]
    public async Task Message_ConnectorForbidden_ErrorCountedByStatusAndSpanFailed()
    {
        var conversation = "otel-" + Guid.NewGuid().ToString("N");
        _connector.Plan(403);

        await _bot.PostActivityAsync(TestActivities.Message(_connector.ServiceUrl, "When was UNSCR 1244 adopted?", conversation));
        await TestWait.UntilAsync(() => _connector.Attempts.Count >= 1, TimeSpan.FromSeconds(10), "the connector call");
        await _bot.Turns.WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(_bot.Services.GetRequiredService<MeterProvider>().ForceFlush(10_000));

        var turn = _spans.Snapshot().Single(s => s.OperationName == Telemetry.Spans.Turn && Tag(s, Telemetry.Tags.ConversationId) == conversation);
        Assert.Contains(_spans.Snapshot(), s => s.TraceId == turn.TraceId && s.OperationName == Telemetry.Spans.ConnectorSend
            && s.Status == ActivityStatusCode.Error && s.GetTagItem(Telemetry.Tags.Status) is 403);
        Assert.Contains(Points("balkanbot.connector.errors"), p => Equals(TagValue(p, Telemetry.Tags.Status), 403));
    }

    [Fact]
    public void AddBotTelemetry_NoOtlpEndpoint_RegistersNothing()
    {
        var services = new ServiceCollection().AddBotTelemetry(new ConfigurationBuilder().Build());

        using var provider = services.BuildServiceProvider();
        Assert.Null(provider.GetService<TracerProvider>());
        Assert.Null(provider.GetService<MeterProvider>());
    }

    [Fact]
    public void AddBotTelemetry_OtlpEndpointSet_TracesAndMetricsExported()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [TelemetryServices.OtlpEndpointKey] = "http://127.0.0.1:4317" })
            .Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging().AddBotTelemetry(configuration);

        using var provider = services.BuildServiceProvider();
        Assert.NotNull(provider.GetService<TracerProvider>());
        Assert.NotNull(provider.GetService<MeterProvider>());
    }

    private Activity? Inbound(Activity turn) => _spans.Snapshot().FirstOrDefault(s =>
        s.TraceId == turn.TraceId && s.Kind == ActivityKind.Server && Tag(s, "url.path") == "/api/messages");

    private List<MetricPoint> Points(string name)
    {
        var points = new List<MetricPoint>();
        foreach (var m in _metrics.Snapshot().Where(m => m.Name == name)) points.AddRange(m.MetricPoints);
        return points;
    }

    private static string? Tag(Activity span, string name) => span.GetTagItem(name)?.ToString();

    private static object? TagValue(MetricPoint point, string name)
    {
        foreach (var tag in point.Tags)
            if (tag.Key == name) return tag.Value;
        return null;
    }

    private static Dictionary<string, string?> Tags(MetricPoint point)
    {
        var tags = new Dictionary<string, string?>();
        foreach (var tag in point.Tags) tags[tag.Key] = tag.Value?.ToString();
        return tags;
    }

    /// <summary>
    /// What an exporter hands over, safe to read while it writes: the app's source and meter are process-wide, so spans
    /// and points of other tests' hosts arrive here too, and each test picks out its own by conversation or tag.
    /// </summary>
    private sealed class Collected<T> : ICollection<T>
    {
        private readonly List<T> _items = [];
        private readonly Lock _lock = new();

        public List<T> Snapshot()
        {
            lock (_lock) return [.. _items];
        }

        public int Count
        {
            get { lock (_lock) return _items.Count; }
        }

        public bool IsReadOnly => false;

        public void Add(T item)
        {
            lock (_lock) _items.Add(item);
        }

        public void Clear()
        {
            lock (_lock) _items.Clear();
        }

        public bool Contains(T item)
        {
            lock (_lock) return _items.Contains(item);
        }

        public void CopyTo(T[] array, int arrayIndex)
        {
            lock (_lock) _items.CopyTo(array, arrayIndex);
        }

        public bool Remove(T item)
        {
            lock (_lock) return _items.Remove(item);
        }

        public IEnumerator<T> GetEnumerator() => Snapshot().GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
