using System.Text.Json;
using System.Text.Json.Serialization;
using BalkanBot.Channels.Teams;
using BalkanBot.Diagnostics;
using BalkanBot.Hosting;
using Microsoft.Extensions.Options;

namespace BalkanBot.Channels.ChatPage;

/// <summary>
/// GET / serves a chat page for trying the bot without Teams. Like the Bot Framework Emulator it is a client of
/// /api/messages: its activities name <c>{host}/_local</c> as serviceUrl, the bot posts replies there through its
/// ordinary connector client, and the page long-polls them. On by default only when the bot runs without an app id,
/// because an authenticated bot would refuse the page's unsigned requests anyway.
/// </summary>
public static class ChatPageEndpoints
{
    public const string LocalPrefix = "/_local";

    /// <summary>Whitelist of served files: name → content type. Nothing else under wwwroot is reachable.</summary>
    private static readonly Dictionary<string, string> Files = new(StringComparer.Ordinal)
    {
        ["index.html"] = "text/html; charset=utf-8",
        ["chat.js"] = "text/javascript; charset=utf-8",
        ["chat.css"] = "text/css; charset=utf-8",
        ["vendor/adaptivecards.min.js"] = "text/javascript; charset=utf-8",
        ["vendor/adaptivecards.css"] = "text/css; charset=utf-8",
        ["vendor/adaptivecards.LICENSE"] = "text/plain; charset=utf-8",
        ["vendor/adaptivecards.min.js.LICENSE.txt"] = "text/plain; charset=utf-8",
    };

    public static IServiceCollection AddChatPageChannel(this IServiceCollection services) => services.AddSingleton<LocalInbox>();

    public static WebApplication MapChatPageChannel(this WebApplication app)
    {
        var teams = app.Services.GetRequiredService<IOptions<TeamsOptions>>().Value;
        if (!(app.Configuration.GetValue<bool?>("ChatPage:Enabled") ?? !teams.AuthEnabled)) return app;
        var root = LocateWebRoot();
        if (root is null) return app;

        app.MapGet("/", () => Serve(root, "index.html"));
        app.MapGet("/chat/{file}", (string file) => Serve(root, file));
        app.MapGet("/vendor/{file}", (string file) => Serve(root, "vendor/" + file));

        var local = app.MapGroup(LocalPrefix).DisableAntiforgery();
        local.MapPost("/v3/conversations/{conversationId}/activities", ReceiveAsync);
        local.MapPost("/v3/conversations/{conversationId}/activities/{replyToId}", ReceiveAsync);
        local.MapGet("/conversations/{conversationId}/activities", PollAsync);
        Log.ChatPageEnabled(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("BalkanBot.Channels.ChatPage"), LocalPrefix);
        return app;
    }

    private static IResult Serve(string root, string file) =>
        Files.TryGetValue(file, out var type) && File.Exists(Path.Combine(root, file))
            ? TypedResults.PhysicalFile(Path.Combine(root, file), type)
            : TypedResults.NotFound();

    /// <summary>The bot's reply arriving at our pretend connector.</summary>
    private static async Task<IResult> ReceiveAsync(HttpRequest request, string conversationId, LocalInbox inbox)
    {
        Activity? activity;
        try
        {
            activity = await JsonSerializer.DeserializeAsync(request.Body, TeamsJson.Inbound.TypeInfo<Activity>(), request.HttpContext.RequestAborted);
        }
        catch (JsonException)
        {
            return TypedResults.Problem(statusCode: 400, title: "Malformed activity");
        }
        if (activity is null) return TypedResults.Problem(statusCode: 400, title: "Malformed activity");
        return TypedResults.Json(new ResourceResponse { Id = inbox.Post(conversationId, activity) }, TeamsJson.Context.ResourceResponse);
    }

    private static async Task<IResult> PollAsync(string conversationId, long? watermark, int? wait, LocalInbox inbox, CancellationToken ct)
    {
        var (activities, mark) = await inbox.PollAsync(conversationId, watermark ?? 0, TimeSpan.FromSeconds(Math.Clamp(wait ?? 20, 0, 25)), ct);
        return TypedResults.Json(new LocalPoll { Activities = [.. activities], Watermark = mark }, ChatPageJsonContext.Default.LocalPoll);
    }

    /// <summary>Published apps carry wwwroot next to the binary; from a checkout (dotnet run, tests) it is in src/BalkanBot.</summary>
    internal static string? LocateWebRoot()
    {
        var candidates = new[]
        {
            Path.Combine(AppContext.BaseDirectory, "wwwroot"),
            AppPaths.RepositoryRoot() is { } repo ? Path.Combine(repo, "src", "BalkanBot", "wwwroot") : null,
        };
        return candidates.FirstOrDefault(c => c is not null && File.Exists(Path.Combine(c, "index.html")));
    }
}

public sealed class LocalPoll
{
    public List<Activity> Activities { get; set; } = [];
    public long Watermark { get; set; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(LocalPoll))]
internal sealed partial class ChatPageJsonContext : JsonSerializerContext;
