using Microsoft.Extensions.Options;

namespace BalkanBot.Channels.Slack;

/// <summary>The "Slack" configuration section; secrets come from the environment (Slack__SigningSecret, ...).</summary>
public sealed class SlackOptions
{
    public const string Section = "Slack";

    /// <summary>Verifies that HTTP requests come from Slack (app settings → Basic Information).</summary>
    public string? SigningSecret { get; set; }
    /// <summary>xoxb- token for the Web API (OAuth &amp; Permissions).</summary>
    public string? BotToken { get; set; }
    /// <summary>xapp- app-level token with connections:write; set it to run over Socket Mode.</summary>
    public string? AppToken { get; set; }
    public string ApiBaseUrl { get; set; } = "https://slack.com/api/";
    /// <summary>
    /// Requests accepted and not yet answered; beyond it commands are told "busy" and events get a 503 that Slack
    /// retries. Sized so a burst of 1,500 requests in 3 s fits while answers go out.
    /// </summary>
    public int QueueCapacity { get; set; } = 4096;
    /// <summary>Of those, at most this many for one conversation (a channel's thread, a user's commands in a channel).</summary>
    public int QueuePerConversation { get; set; } = 64;
    /// <summary>Attempts per Web API call, counting the first.</summary>
    public int MaxAttempts { get; set; } = 4;
    public int RetryBaseDelayMilliseconds { get; set; } = 500;
    /// <summary>Longest <c>Retry-After</c> we wait for within one call; longer waits give up and log.</summary>
    public int MaxRetryAfterSeconds { get; set; } = 60;

    public bool HttpEnabled => !string.IsNullOrWhiteSpace(SigningSecret) && !string.IsNullOrWhiteSpace(BotToken);
    public bool SocketModeEnabled => !string.IsNullOrWhiteSpace(AppToken) && !string.IsNullOrWhiteSpace(BotToken);
}

/// <summary>Bad Slack configuration stops the host at start with a message naming the key.</summary>
internal sealed class SlackOptionsValidator : IValidateOptions<SlackOptions>
{
    public ValidateOptionsResult Validate(string? name, SlackOptions o)
    {
        var errors = new List<string>();
        if (!Uri.TryCreate(o.ApiBaseUrl, UriKind.Absolute, out var api) || api.Scheme is not ("https" or "http"))
            errors.Add($"Slack:ApiBaseUrl '{o.ApiBaseUrl}' is not an absolute http(s) URL.");
        if (!string.IsNullOrWhiteSpace(o.AppToken) && !o.AppToken.StartsWith("xapp-", StringComparison.Ordinal))
            errors.Add("Slack:AppToken must be an app-level token starting with 'xapp-'.");
        if (!string.IsNullOrWhiteSpace(o.AppToken) && string.IsNullOrWhiteSpace(o.BotToken))
            errors.Add("Slack:AppToken is set but Slack:BotToken is not; Socket Mode needs the bot token to post answers.");
        if (!string.IsNullOrWhiteSpace(o.BotToken) && o.BotToken.StartsWith("xapp-", StringComparison.Ordinal))
            errors.Add("Slack:BotToken holds an app-level (xapp-) token; use the bot token (xoxb-).");
        if (o.QueueCapacity is < 1 or > 100_000) errors.Add("Slack:QueueCapacity must be between 1 and 100000.");
        if (o.QueuePerConversation < 1 || o.QueuePerConversation > o.QueueCapacity)
            errors.Add("Slack:QueuePerConversation must be between 1 and Slack:QueueCapacity.");
        if (o.MaxAttempts is < 1 or > 10) errors.Add("Slack:MaxAttempts must be between 1 and 10.");
        if (o.RetryBaseDelayMilliseconds < 0) errors.Add("Slack:RetryBaseDelayMilliseconds must not be negative.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
