using System.Text;
using System.Text.Json;
using BalkanBot.Diagnostics;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace BalkanBot.Channels.Slack;

/// <summary>
/// POST /api/slack/events, /commands and /interactions. Every request passes <see cref="SlackVerificationFilter"/>
/// first (404 while Slack is not configured, 413 oversize, 401 unsigned); handlers then parse the same bytes.
/// </summary>
public static class SlackEndpoints
{
    public static IEndpointRouteBuilder MapSlackEndpoints(this IEndpointRouteBuilder app)
    {
        var o = app.ServiceProvider.GetRequiredService<IOptions<SlackOptions>>().Value;
        if (o.HttpEnabled || o.SocketModeEnabled)
            Log.SlackEnabled(app.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("BalkanBot.Channels.Slack"), o.HttpEnabled, o.SocketModeEnabled);
        var slack = app.MapGroup("/api/slack").AddEndpointFilter<SlackVerificationFilter>().DisableAntiforgery();
        slack.MapPost("/events", Events);
        slack.MapPost("/commands", Commands);
        slack.MapPost("/interactions", Interactions);
        return app;
    }

    private static async Task<IResult> Events(HttpContext http, SlackInbound inbound)
    {
        SlackEventEnvelope? envelope;
        try
        {
            envelope = JsonSerializer.Deserialize(Body(http), SlackJson.Inbound.TypeInfo<SlackEventEnvelope>());
        }
        catch (JsonException)
        {
            return Problem(http, StatusCodes.Status400BadRequest, "The body is not a Slack event (JSON expected).");
        }
        if (envelope is null) return Problem(http, StatusCodes.Status400BadRequest, "The body is empty.");
        return ToResult(http, await inbound.HandleEventAsync(envelope, http.Request.Headers["X-Slack-Retry-Num"].FirstOrDefault(), http.RequestAborted));
    }

    private static IResult Commands(HttpContext http, SlackInbound inbound)
    {
        var form = Form(http);
        if (form is null) return Problem(http, StatusCodes.Status400BadRequest, "The body is not form-encoded.");
        return ToResult(http, inbound.HandleCommand(SlackCommand.FromForm(form)));
    }

    private static IResult Interactions(HttpContext http, SlackInbound inbound)
    {
        var form = Form(http);
        if (form is null || !form.TryGetValue("payload", out var payload) || string.IsNullOrEmpty(payload))
            return Problem(http, StatusCodes.Status400BadRequest, "The form has no payload field.");
        SlackInteraction? interaction;
        try
        {
            interaction = JsonSerializer.Deserialize(payload.ToString(), SlackJson.Inbound.TypeInfo<SlackInteraction>());
        }
        catch (JsonException)
        {
            return Problem(http, StatusCodes.Status400BadRequest, "The payload is not JSON.");
        }
        if (interaction is null) return Problem(http, StatusCodes.Status400BadRequest, "The payload is empty.");
        return ToResult(http, inbound.HandleInteraction(interaction));
    }

    /// <summary>Ignored and duplicate requests get a quiet 200: anything else makes Slack retry or warn the user.</summary>
    private static IResult ToResult(HttpContext http, SlackInboundResult r) => r.Outcome switch
    {
        SlackOutcome.Challenge => Results.Text(r.Detail, "text/plain", Encoding.UTF8),
        SlackOutcome.Accepted when r.Reply is not null => Results.Json(r.Reply, SlackJson.Wire.SlackMessage),
        SlackOutcome.Accepted or SlackOutcome.Ignored or SlackOutcome.Duplicate => Results.Ok(),
        SlackOutcome.Busy => Busy(http),
        _ => Problem(http, StatusCodes.Status400BadRequest, r.Detail ?? "The request is not valid."),
    };

    private static IResult Busy(HttpContext http)
    {
        http.Response.Headers.RetryAfter = "5";
        return Problem(http, StatusCodes.Status503ServiceUnavailable, "Too many requests waiting; retry later.");
    }

    private static Dictionary<string, Microsoft.Extensions.Primitives.StringValues>? Form(HttpContext http)
    {
        var contentType = http.Request.ContentType ?? "";
        if (!contentType.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase)) return null;
        try
        {
            return QueryHelpers.ParseQuery(Encoding.UTF8.GetString(Body(http)));
        }
        catch (Exception ex) when (ex is ArgumentException or DecoderFallbackException)
        {
            return null;
        }
    }

    private static byte[] Body(HttpContext http) => http.Features.Get<SlackRequestBody>()?.Bytes ?? [];

    internal static IResult Problem(HttpContext http, int status, string detail)
    {
        var log = http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("BalkanBot.Channels.Slack");
        Log.SlackRequestRejected(log, http.Request.Path, status, detail);
        return TypedResults.Problem(detail: detail, statusCode: status);
    }
}

/// <summary>Runs before every Slack handler: Slack configured? body within the cap? signature valid and fresh?</summary>
internal sealed class SlackVerificationFilter(IOptionsMonitor<SlackOptions> options, SlackSignatureVerifier verifier) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!options.CurrentValue.HttpEnabled) return TypedResults.NotFound();
        var bytes = await RequestBody.ReadAsync(http.Request, http.RequestAborted).ConfigureAwait(false);
        if (bytes is null)
            return SlackEndpoints.Problem(http, StatusCodes.Status413PayloadTooLarge, $"The body is larger than {RequestBody.MaxBytes} bytes.");
        var check = verifier.Verify(http.Request.Headers[SlackSignatureVerifier.TimestampHeader].FirstOrDefault(),
            http.Request.Headers[SlackSignatureVerifier.SignatureHeader].FirstOrDefault(), bytes);
        if (check != SignatureCheck.Valid)
            return SlackEndpoints.Problem(http, StatusCodes.Status401Unauthorized, $"Slack signature check failed ({check}).");
        http.Features.Set(new SlackRequestBody(bytes));
        return await next(context).ConfigureAwait(false);
    }
}
