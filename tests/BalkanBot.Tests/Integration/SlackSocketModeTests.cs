using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BalkanBot.Channels.Slack;
using BalkanBot.Tests.TestSupport;

namespace BalkanBot.Tests.Integration;

/// <summary>
/// Socket Mode against a local WebSocket server that speaks Slack's envelope protocol: hello, envelopes that must
/// be acknowledged by envelope_id, and disconnect frames or dropped sockets that the bot must recover from.
/// </summary>
public sealed class SlackSocketModeTests
{
    private const string AppToken = "xapp-1-A0APP-test";

    private static Task<SlackTestHost> StartAsync(Func<SlackFakeApi, Func<WebSocket, int, Task>> handler) =>
        SlackTestHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Slack:AppToken"] = AppToken,
            ["Slack:SigningSecret"] = "", // Socket Mode needs no public endpoint and no signing secret
        }, fake: f => f.SocketHandler = handler(f));

    /// <summary>Holds a connection open until the bot closes it (at host shutdown).</summary>
    private static async Task HoldAsync(WebSocket socket)
    {
        try { await ReceiveAsync(socket, TimeSpan.FromSeconds(60)); }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException) { }
    }

    private static Task SendAsync(WebSocket socket, string json) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, CancellationToken.None);

    private static async Task<JsonNode?> ReceiveAsync(WebSocket socket, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        var buffer = new byte[64 * 1024];
        using var ms = new MemoryStream();
        while (true)
        {
            var r = await socket.ReceiveAsync(buffer, cts.Token);
            if (r.MessageType == WebSocketMessageType.Close) return null;
            ms.Write(buffer, 0, r.Count);
            if (r.EndOfMessage) return JsonNode.Parse(ms.ToArray());
        }
    }

    private static string Envelope(string id, string type, string payload) =>
        $$"""{"envelope_id":"{{id}}","type":"{{type}}","payload":{{payload}},"accepts_response_payload":{{(type == "slash_commands" ? "true" : "false")}},"retry_attempt":0,"retry_reason":""}""";

    [Fact]
    public async Task SocketMode_EnvelopesAckedAndAnswered_ReconnectsAfterDisconnect()
    {
        var acks = new System.Collections.Concurrent.ConcurrentQueue<JsonNode?>();
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var host = await StartAsync(fake => async (socket, n) =>
        {
            await SendAsync(socket, """{"type":"hello","num_connections":1,"connection_info":{"app_id":"A0APP"}}""");
            if (n == 1)
            {
                await SendAsync(socket, Envelope("env-1", "events_api", SlackPayloadsFor.Mention("EvSock", "<@U0BOT> What is CEFTA?")));
                acks.Enqueue(await ReceiveAsync(socket));
                await SendAsync(socket, """{"type":"disconnect","reason":"refresh_requested","debug_info":{"host":"fake"}}""");
                await ReceiveAsync(socket); // the client closes
                return;
            }
            var command = JsonSerializer.Serialize(new Dictionary<string, string>
            {
                ["command"] = "/balkan",
                ["text"] = "share What is KFOR?",
                ["user_id"] = "U0USER",
                ["channel_id"] = "C0SOCK",
                ["team_id"] = "T0TEAM",
                ["response_url"] = fake.ResponseUrl("sock-cmd"),
                ["trigger_id"] = "1.2.3",
            });
            await SendAsync(socket, Envelope("env-2", "slash_commands", command));
            acks.Enqueue(await ReceiveAsync(socket));
            await SendAsync(socket, Envelope("env-3", "interactive", """{"type":"view_closed","user":{"id":"U0USER"}}"""));
            acks.Enqueue(await ReceiveAsync(socket));
            await SendAsync(socket, Envelope("env-4", "events_api", "\"not an object\""));
            acks.Enqueue(await ReceiveAsync(socket));
            done.TrySetResult();
            await HoldAsync(socket);
        });
        var fake = host.Fake;
        await done.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(["env-1", "env-2", "env-3", "env-4"], acks.Select(a => (string?)a?["envelope_id"]));
        Assert.Equal(SlackInbound.LookingUp, (string?)acks.ElementAt(1)!["payload"]!["text"]);
        Assert.True(fake.SocketConnections >= 2);
        var opens = fake.CallsTo("/api/apps.connections.open");
        Assert.True(opens.Count >= 2);
        Assert.All(opens, c => Assert.Equal("Bearer " + AppToken, c.Authorization));

        var answer = (await fake.WaitForAsync(c => c.Path == "/api/chat.postMessage")).Single();
        Assert.Equal("C0CHAN", answer.Get("channel"));
        Assert.Equal("1700000001.000100", answer.Get("thread_ts"));
        Assert.Equal("Bearer " + SlackTestHost.BotToken, answer.Authorization);
        var shared = (await fake.WaitForAsync(c => c.Path == "/hooks/sock-cmd")).Single();
        Assert.Equal("in_channel", shared.Get("response_type"));
    }

    [Fact]
    public async Task SocketMode_AssistantThreadStartedAndShortcut_AcknowledgedAndHandled()
    {
        var acks = new System.Collections.Concurrent.ConcurrentQueue<JsonNode?>();
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var host = await StartAsync(_ => async (socket, n) =>
        {
            await SendAsync(socket, """{"type":"hello"}""");
            if (n > 1) { await HoldAsync(socket); return; }
            await SendAsync(socket, Envelope("env-a", "events_api", SlackSurfacePayloads.ThreadStarted("EvSockStart")));
            acks.Enqueue(await ReceiveAsync(socket));
            await SendAsync(socket, Envelope("env-s", "interactive", SlackSurfacePayloads.Shortcut("What is KFOR?")));
            acks.Enqueue(await ReceiveAsync(socket));
            done.TrySetResult();
            await HoldAsync(socket);
        });
        await done.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(["env-a", "env-s"], acks.Select(a => (string?)a?["envelope_id"]));
        var prompts = (await host.Fake.WaitForAsync(c => c.Path == "/api/" + SlackAssistantThreads.SetSuggestedPrompts)).Single();
        Assert.InRange(prompts.Json!["prompts"]!.AsArray().Count, 3, 4);
        var answer = (await host.Fake.WaitForAsync(c => c.Path == "/api/chat.postEphemeral")).Single();
        Assert.Equal("U0USER", answer.Get("user"));
    }

    [Fact]
    public async Task SocketMode_ConnectionDroppedWithoutDisconnect_ReconnectsWithBackoff()
    {
        var second = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var host = await StartAsync(_ => async (socket, n) =>
        {
            await SendAsync(socket, """{"type":"hello"}""");
            if (n == 1)
            {
                // Wait for an ack so the bot surely holds this connection, then drop it without a disconnect frame.
                await SendAsync(socket, Envelope("env-drop", "interactive", """{"type":"view_closed","user":{"id":"U0USER"}}"""));
                await ReceiveAsync(socket);
                socket.Abort();
                return;
            }
            second.TrySetResult();
            await HoldAsync(socket);
        });
        await second.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(host.Fake.SocketConnections >= 2);
        var client = host.Get<SlackSocketModeClient>();
        // The server sees the socket before the client's ConnectAsync returns.
        await TestWait.UntilAsync(() => client.Connections >= 2, TimeSpan.FromSeconds(10),
            $"the client to count 2 connections (server saw {host.Fake.SocketConnections})");
    }

    [Fact]
    public async Task SocketMode_JunkInEnvelopesAndPayloads_EveryEnvelopeAckedAndTheQuestionAnswered()
    {
        var acks = new System.Collections.Concurrent.ConcurrentQueue<JsonNode?>();
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        string[] junk =
        [
            """{"envelope_id":"j1","type":"events_api","payload":{"type":"event_callback","event_id":"EvJ1","event":[null]},"retry_attempt":"x"}""",
            """{"envelope_id":"j2","type":"interactive","payload":{"type":"block_actions","actions":[null],"user":{"id":5}}}""",
            """{"envelope_id":"j3","type":"slash_commands","payload":{"command":null,"text":["a"],"user_id":{},"channel_id":7}}""",
            """{"envelope_id":"j4","type":["events_api"],"payload":null}""",
            Envelope("j5", "events_api", SlackPayloadsFor.Mention("EvJ5", "<@U0BOT> What is CEFTA?").Replace("\"authorizations\":[", "\"authorizations\":[null,", StringComparison.Ordinal)),
        ];
        await using var host = await StartAsync(_ => async (socket, n) =>
        {
            await SendAsync(socket, """{"type":"hello"}""");
            if (n > 1)
            {
                await HoldAsync(socket);
                return;
            }
            foreach (var frame in junk)
            {
                await SendAsync(socket, frame);
                acks.Enqueue(await ReceiveAsync(socket));
            }
            done.TrySetResult();
            await HoldAsync(socket);
        });
        await done.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(["j1", "j2", "j3", "j4", "j5"], acks.Select(a => (string?)a?["envelope_id"]));
        var answer = (await host.Fake.WaitForAsync(c => c.Path == "/api/chat.postMessage")).Single();
        Assert.Contains("CEFTA", answer.Body);
    }

    [Fact]
    public async Task SocketMode_QueueFull_EventLeftUnacknowledgedForSlackToRedeliver()
    {
        var frames = new System.Collections.Concurrent.ConcurrentQueue<JsonNode?>();
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var host = await SlackTestHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Slack:AppToken"] = AppToken,
            ["Slack:SigningSecret"] = "",
            ["Slack:QueueCapacity"] = "1",
            ["Slack:QueuePerConversation"] = "1",
        }, fake: f =>
        {
            f.PostMessageGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            f.SocketHandler = async (socket, n) =>
            {
                await SendAsync(socket, """{"type":"hello"}""");
                if (n > 1)
                {
                    await HoldAsync(socket);
                    return;
                }
                await SendAsync(socket, Envelope("first", "events_api", SlackPayloadsFor.Mention("EvQ1", "<@U0BOT> What is CEFTA?")));
                frames.Enqueue(await ReceiveAsync(socket));
                await f.WaitForAsync(c => c.Path == "/api/chat.postMessage"); // its answer is held by the gate: the queue is full
                await SendAsync(socket, Envelope("second", "events_api", SlackPayloadsFor.Mention("EvQ2", "<@U0BOT> What is KFOR?", ts: "1700000002.000200")));
                await SendAsync(socket, Envelope("third", "interactive", """{"type":"view_closed","user":{"id":"U0USER"}}"""));
                frames.Enqueue(await ReceiveAsync(socket));
                done.TrySetResult();
                await HoldAsync(socket);
            };
        });
        await done.Task.WaitAsync(TimeSpan.FromSeconds(30));
        host.Fake.PostMessageGate!.TrySetResult();

        // "second" got no ack: the next frame the server received acknowledges "third".
        Assert.Equal(["first", "third"], frames.Select(a => (string?)a?["envelope_id"]));
    }

    [Fact]
    public async Task SocketMode_NoAppToken_ClientNotRegistered()
    {
        await using var host = await SlackTestHost.StartAsync();
        Assert.Null(host.Services.GetService(typeof(SlackSocketModeClient)));
        // The host has started and the only service that opens sockets is absent: nothing can call it later.
        Assert.Empty(host.Fake.CallsTo("/api/apps.connections.open"));
    }
}
