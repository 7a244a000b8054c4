using System.Text.Json;
using BalkanBot.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BalkanBot.Channels.Teams;

/// <summary>
/// POST /api/messages: size limit, authentication, parsing, then the turn. Every client mistake is a 4xx with
/// ProblemDetails; types the bot does not handle get 200 and nothing else.
/// </summary>
public static class TeamsEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext http, BotAuthenticator auth, TeamsBot bot, ILoggerFactory logs)
    {
        var log = logs.CreateLogger("BalkanBot.Channels.Teams");
        var ct = http.RequestAborted;
        if (http.Request.ContentLength > RequestBody.MaxBytes) return Reject(log, 413, "body too large");

        // The token is checked before the body is read: an unauthenticated caller learns nothing about our parsing.
        BotCaller? caller = null;
        if (auth.Enabled)
        {
            var result = await auth.AuthenticateAsync(http.Request.Headers.Authorization, ct).ConfigureAwait(false);
            if (result.Unavailable) return Reject(log, 503, result.Reason!);
            if (!result.Ok)
            {
                http.Response.Headers.WWWAuthenticate = "Bearer";
                return Reject(log, 401, result.Reason!);
            }
            caller = result.Caller;
        }

        var body = await RequestBody.ReadAsync(http.Request, ct).ConfigureAwait(false);
        if (body is null) return Reject(log, 413, "body too large");
        Activity? activity;
        try
        {
            activity = JsonSerializer.Deserialize(body.AsSpan(StartAfterBom(body)), TeamsJson.Inbound.TypeInfo<Activity>());
        }
        catch (JsonException ex)
        {
            return Reject(log, 400, $"malformed JSON at byte {ex.BytePositionInLine}, line {ex.LineNumber}");
        }
        if (activity is null) return Reject(log, 400, "body is not an Activity object");
        if (caller is not null && BotAuthenticator.CheckActivity(caller, activity) is { } mismatch)
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
            return Reject(log, 401, mismatch);
        }
        if (Invalid(activity, auth.Enabled) is { } problem) return Reject(log, 400, problem);

        using var scope = log.BeginScope(new Dictionary<string, object?>
        {
            ["Channel"] = activity.ChannelId,
            ["ConversationId"] = activity.Conversation?.Id,
            ["ActivityId"] = activity.Id,
        });
        TurnResponse response;
        try
        {
            response = await bot.ProcessAsync(activity, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A bug of ours, not the caller's: log it and acknowledge, so the channel does not retry into the same bug.
            Log.TeamsTurnFailed(log, ex, activity.Type ?? "activity");
            return TypedResults.Ok();
        }
        if (response.QueueFull)
        {
            http.Response.Headers.RetryAfter = BackgroundTurns.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Reject(log, 503, "too many turns waiting; retry later", title: "Busy");
        }
        if (response.Invoke is { } invoke) return TypedResults.Json(invoke, TeamsJson.Context.InvokeResponse);
        if (response.Replies is { } replies) return TypedResults.Json(replies, TeamsJson.Context.ExpectedReplies);
        return TypedResults.Ok();
    }

    /// <summary>What the bot needs to act on an activity it handles; unknown types need nothing.</summary>
    private static string? Invalid(Activity a, bool authenticated)
    {
        if (string.IsNullOrWhiteSpace(a.Type)) return "activity has no type";
        if (a.Type is not (ActivityTypes.Message or ActivityTypes.Invoke or ActivityTypes.ConversationUpdate or ActivityTypes.InstallationUpdate)) return null;
        if (string.IsNullOrWhiteSpace(a.Conversation?.Id)) return "activity has no conversation.id";
        if (a.ServiceUrl is not null && !ConnectorClient.IsHttpUrl(a.ServiceUrl)) return "serviceUrl is not an http(s) URL";
        if (a.ServiceUrl is null && a.DeliveryMode != ActivityTypes.ExpectReplies) return "activity has no serviceUrl to reply to";
        // Unauthenticated, anyone could make the bot POST to any URL; the local tools it serves then all listen on this machine.
        if (!authenticated && a.ServiceUrl is not null && !new Uri(a.ServiceUrl).IsLoopback)
            return "without MicrosoftAppId the bot replies only to a serviceUrl on this machine (localhost)";
        return null;
    }

    private static int StartAfterBom(byte[] body) => body is [0xEF, 0xBB, 0xBF, ..] ? 3 : 0;

    private static ProblemHttpResult Reject(ILogger log, int status, string reason, string? title = null)
    {
        Log.TeamsRequestRejected(log, status, reason);
        title ??= status switch
        {
            400 => "Malformed activity",
            401 => "Unauthorized",
            413 => "Request body too large",
            _ => "Authentication unavailable",
        };
        return TypedResults.Problem(statusCode: status, title: title,
            detail: status == 401 ? "The request's bearer token is missing or not valid for this bot." : reason);
    }
}
