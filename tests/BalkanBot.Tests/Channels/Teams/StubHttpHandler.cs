using System.Collections.Concurrent;
using System.Net;

namespace BalkanBot.Tests.Channels.Teams;

/// <summary>Answers HTTP calls from a script, recording each request (with its body) for assertions.</summary>
internal sealed class StubHttpHandler(Func<HttpRequestMessage, int, HttpResponseMessage> respond) : HttpMessageHandler
{
    private int _calls;

    public ConcurrentQueue<(HttpRequestMessage Request, string? Body, DateTimeOffset At)> Requests { get; } = new();
    public int Calls => _calls;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var n = Interlocked.Increment(ref _calls);
        Requests.Enqueue((request, body, DateTimeOffset.UtcNow));
        return respond(request, n);
    }

    public static HttpResponseMessage Json(string json, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
}
