using System.Net.WebSockets;
using System.Text.Json;
using BalkanBot.Diagnostics;

namespace BalkanBot.Channels.Slack;

/// <summary>
/// Socket Mode, for deployments without a public URL: a WebSocket from apps.connections.open carries the same
/// events, commands and interactions as the HTTP endpoints. Every envelope is acknowledged by its id; a
/// <c>disconnect</c> frame (Slack rotates connections) reconnects at once, a dropped connection after a backoff.
/// Registered only when Slack:AppToken is set.
/// </summary>
public sealed class SlackSocketModeClient(SlackApiClient api, SlackInbound inbound, TimeProvider clock, ILogger<SlackSocketModeClient> log)
    : BackgroundService
{
    public const int MaxFrameBytes = 1024 * 1024;
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    /// <summary>Connections opened so far; tests watch it to see a reconnect.</summary>
    public int Connections => _connections;
    private int _connections;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            string error;
            try
            {
                var url = await api.OpenSocketModeConnectionAsync(stoppingToken).ConfigureAwait(false)
                    ?? throw new WebSocketException("apps.connections.open gave no URL");
                using var socket = new ClientWebSocket();
                await socket.ConnectAsync(url, stoppingToken).ConfigureAwait(false);
                Interlocked.Increment(ref _connections);
                Log.SlackSocketConnected(log);
                failures = 0;
                var reason = await ReceiveAsync(socket, stoppingToken).ConfigureAwait(false);
                if (reason is not null)
                {
                    Log.SlackSocketDisconnect(log, reason);
                    continue;
                }
                error = "connection closed";
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is WebSocketException or HttpRequestException or JsonException or IOException)
            {
                error = ex.GetType().Name;
            }
            failures++;
            var delay = TimeSpan.FromMilliseconds(Math.Min(MaxBackoff.TotalMilliseconds, 500 * Math.Pow(2, failures - 1)) * (0.5 + Random.Shared.NextDouble() / 2));
            Log.SlackSocketReconnecting(log, error, (long)delay.TotalMilliseconds);
            try { await Task.Delay(delay, clock, stoppingToken).ConfigureAwait(false); }
            catch (OperationCanceledException) { return; }
        }
    }

    /// <summary>Handles frames until the server says disconnect (returns its reason) or the socket closes (null).</summary>
    private async Task<string?> ReceiveAsync(ClientWebSocket socket, CancellationToken ct)
    {
        var buffer = new byte[16 * 1024];
        using var frame = new MemoryStream();
        while (socket.State == WebSocketState.Open)
        {
            var result = await socket.ReceiveAsync(buffer, ct).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close) return null;
            if (frame.Length + result.Count > MaxFrameBytes) throw new WebSocketException("frame too large");
            frame.Write(buffer, 0, result.Count);
            if (!result.EndOfMessage) continue;
            SocketModeEnvelope? envelope = null;
            try { envelope = JsonSerializer.Deserialize(frame.GetBuffer().AsSpan(0, (int)frame.Length), SlackJson.Inbound.TypeInfo<SocketModeEnvelope>()); }
            catch (JsonException) { Log.SlackSocketFrameIgnored(log, "(not JSON)"); }
            frame.SetLength(0);
            if (envelope is null) continue;
            if (envelope.Type == "disconnect")
            {
                await CloseQuietlyAsync(socket).ConfigureAwait(false);
                return envelope.Reason ?? "disconnect";
            }
            await HandleAsync(socket, envelope, ct).ConfigureAwait(false);
        }
        return null;
    }

    private async Task HandleAsync(ClientWebSocket socket, SocketModeEnvelope envelope, CancellationToken ct)
    {
        if (envelope.Type == "hello") return;
        if (string.IsNullOrEmpty(envelope.EnvelopeId))
        {
            Log.SlackSocketFrameIgnored(log, envelope.Type);
            return;
        }
        SlackMessage? reply = null;
        try
        {
            var payload = envelope.Payload is { ValueKind: JsonValueKind.Object } p ? p : (JsonElement?)null;
            switch (envelope.Type)
            {
                case "events_api" when payload is { } e && e.Deserialize(SlackJson.Inbound.TypeInfo<SlackEventEnvelope>()) is { } events:
                    var outcome = (await inbound.HandleEventAsync(events, envelope.RetryAttempt?.ToString(System.Globalization.CultureInfo.InvariantCulture), ct)
                        .ConfigureAwait(false)).Outcome;
                    // No room: leave it unacknowledged, so Slack delivers it again (as it retries a 503 over HTTP).
                    if (outcome == SlackOutcome.Busy) return;
                    break;
                case "slash_commands" when payload is { } c && c.Deserialize(SlackJson.Inbound.TypeInfo<SlackCommand>()) is { } command:
                    reply = inbound.HandleCommand(command).Reply;
                    break;
                case "interactive" when payload is { } i && i.Deserialize(SlackJson.Inbound.TypeInfo<SlackInteraction>()) is { } interaction:
                    inbound.HandleInteraction(interaction);
                    break;
                default:
                    Log.SlackSocketFrameIgnored(log, envelope.Type);
                    break;
            }
        }
        catch (JsonException)
        {
            Log.SlackSocketFrameIgnored(log, envelope.Type + " (malformed payload)");
        }
        // Acknowledge every other envelope, handled or not: an unacknowledged one is redelivered over and over.
        var ack = JsonSerializer.SerializeToUtf8Bytes(new SocketModeAck(envelope.EnvelopeId, reply), SlackJson.Wire.SocketModeAck);
        await socket.SendAsync(ack, WebSocketMessageType.Text, endOfMessage: true, ct).ConfigureAwait(false);
    }

    private static async Task CloseQuietlyAsync(ClientWebSocket socket)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "reconnecting", timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException)
        {
        }
    }
}
