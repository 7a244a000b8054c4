using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BalkanBot.Tests.TestSupport;

/// <summary>One request the fake chat server received.</summary>
public sealed record ChatRequest(string Path, string? Authorization, string? ApiKey, string Body)
{
    public JsonNode? Json => Body.Length == 0 ? null : JsonNode.Parse(Body);

    /// <summary>The contents of the tool (function result) messages in this request, oldest first.</summary>
    public IReadOnlyList<string> ToolResults => Json?["messages"]?.AsArray()
        .Where(m => (string?)m?["role"] == "tool")
        .Select(m => m!["content"] is JsonValue v ? (string?)v ?? "" : string.Concat(m["content"]!.AsArray().Select(p => (string?)p?["text"])))
        .ToList() ?? [];
}

/// <summary>
/// Just enough of the OpenAI chat-completions protocol, on Kestrel at a free loopback port: each POST to
/// .../chat/completions (OpenAI or Azure OpenAI paths) is recorded and answered by the test's script, which gets the
/// request and its index and writes text, tool calls, an error or anything else.
/// </summary>
public sealed class FakeChatServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<ChatRequest> _requests = [];

    private FakeChatServer(WebApplication app) => _app = app;

    /// <summary>Base URL for OpenAI-style clients (".../v1").</summary>
    public string Endpoint { get; private set; } = "";
    /// <summary>The server root, for Azure OpenAI clients.</summary>
    public string Root { get; private set; } = "";

    public IReadOnlyList<ChatRequest> Requests
    {
        get { lock (_requests) return [.. _requests]; }
    }

    public static async Task<FakeChatServer> StartAsync(Func<HttpContext, ChatRequest, int, Task> respond)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeChatServer(app);
        app.MapPost("{**path}", async ctx =>
        {
            using var reader = new StreamReader(ctx.Request.Body);
            var body = await reader.ReadToEndAsync(ctx.RequestAborted);
            var request = new ChatRequest(ctx.Request.Path, ctx.Request.Headers.Authorization, ctx.Request.Headers["api-key"], body);
            int index;
            lock (server._requests)
            {
                index = server._requests.Count;
                server._requests.Add(request);
            }
            if (!ctx.Request.Path.Value!.EndsWith("/chat/completions", StringComparison.Ordinal))
            {
                ctx.Response.StatusCode = 404;
                return;
            }
            await respond(ctx, request, index);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Root = address.TrimEnd('/') + "/";
        server.Endpoint = address.TrimEnd('/') + "/v1";
        return server;
    }

    public static Task Completion(HttpContext ctx, string content) =>
        Write(ctx, new JsonObject { ["role"] = "assistant", ["content"] = content }, "stop");

    /// <summary>An assistant message asking for one or more function calls ("knowledge-get_record", {"idOrName": "..."}).</summary>
    public static Task ToolCalls(HttpContext ctx, params (string Name, object Arguments)[] calls)
    {
        var array = new JsonArray();
        var i = 0;
        foreach (var (name, arguments) in calls)
            array.Add(new JsonObject
            {
                ["id"] = $"call_{Guid.NewGuid():N}"[..20] + i++,
                ["type"] = "function",
                ["function"] = new JsonObject { ["name"] = name, ["arguments"] = JsonSerializer.Serialize(arguments) },
            });
        return Write(ctx, new JsonObject { ["role"] = "assistant", ["content"] = null, ["tool_calls"] = array }, "tool_calls");
    }

    private static Task Write(HttpContext ctx, JsonObject message, string finish)
    {
        ctx.Response.ContentType = "application/json";
        var body = new JsonObject
        {
            ["id"] = "chatcmpl-test",
            ["object"] = "chat.completion",
            ["created"] = 1_743_465_600,
            ["model"] = "test-model",
            ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["message"] = message, ["finish_reason"] = finish }),
            ["usage"] = new JsonObject { ["prompt_tokens"] = 120, ["completion_tokens"] = 30, ["total_tokens"] = 150 },
        };
        return ctx.Response.WriteAsync(body.ToJsonString());
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>Keeps every log line, to check what was logged and that no secret was.</summary>
public sealed class ListLogger<T> : ILogger<T>
{
    private readonly List<string> _lines = [];

    public IReadOnlyList<string> Lines
    {
        get { lock (_lines) return [.. _lines]; }
    }

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
    public bool IsEnabled(LogLevel logLevel) => true;
    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (_lines) _lines.Add($"{eventId.Id} {formatter(state, exception)}");
    }
}
