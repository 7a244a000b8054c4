using Microsoft.Extensions.Configuration.Json;

namespace BalkanBot.Channels.Teams;

public enum BotAppType { MultiTenant, SingleTenant, UserAssignedMSI }

/// <summary>
/// Bot identity, read from the Bot Framework's conventional top-level keys (MicrosoftAppType, MicrosoftAppId,
/// MicrosoftAppPassword, MicrosoftAppTenantId) plus test overrides under "Teams". Mistakes fail at start with the key's name.
/// </summary>
public sealed record TeamsOptions
{
    public const string BotFrameworkIssuer = "https://api.botframework.com";
    public const string DefaultMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";
    public const string Scope = "https://api.botframework.com/.default";

    public BotAppType AppType { get; init; } = BotAppType.MultiTenant;
    public string? AppId { get; init; }
    public string? AppPassword { get; init; }
    public string? TenantId { get; init; }
    public string OpenIdMetadataUrl { get; init; } = DefaultMetadataUrl;
    public string? TokenEndpoint { get; init; }
    public IReadOnlyList<string> ValidIssuers { get; init; } = [BotFrameworkIssuer];
    /// <summary>Turns accepted and not yet finished; beyond it /api/messages answers 503 with Retry-After.</summary>
    public int QueueCapacity { get; init; } = DefaultQueueCapacity;
    /// <summary>Of those, at most this many for one conversation.</summary>
    public int QueuePerConversation { get; init; } = DefaultQueuePerConversation;

    /// <summary>
    /// Of those, at most this many for one serviceUrl host. Without an app id it defaults to a quarter of the queue
    /// (any local client can name any local serviceUrl); with one, to no limit (serviceUrl comes from a signed token).
    /// </summary>
    public int? QueuePerServiceUrlHost { get; init; }

    /// <summary>
    /// In a Teams personal chat, an answer not ready after this long gets an informative streaming update
    /// ("Looking through the sourced records…") before the final message.
    /// </summary>
    public TimeSpan ProgressAfter { get; init; } = TimeSpan.FromMilliseconds(DefaultProgressAfterMs);

    public const int DefaultProgressAfterMs = 1500;
    public const int DefaultQueueCapacity = 1024;
    public const int DefaultQueuePerConversation = 16;

    /// <summary>With no app id the bot trusts every caller: local development, the Emulator, the Teams playground.</summary>
    public bool AuthEnabled => !string.IsNullOrWhiteSpace(AppId);

    public string TokenUrl => TokenEndpoint ?? AppType switch
    {
        BotAppType.UserAssignedMSI =>
            $"http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https%3A%2F%2Fapi.botframework.com&client_id={Uri.EscapeDataString(AppId ?? "")}",
        BotAppType.SingleTenant => $"https://login.microsoftonline.com/{Uri.EscapeDataString(TenantId ?? "")}/oauth2/v2.0/token",
        _ => "https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token",
    };

    public static TeamsOptions Load(IConfiguration configuration)
    {
        var typeText = configuration["MicrosoftAppType"];
        var type = BotAppType.MultiTenant;
        if (!string.IsNullOrWhiteSpace(typeText) && !Enum.TryParse(typeText, ignoreCase: true, out type))
            throw new InvalidOperationException($"MicrosoftAppType must be MultiTenant, SingleTenant or UserAssignedMSI (was '{typeText}').");
        var options = new TeamsOptions
        {
            AppType = type,
            AppId = Blank(configuration["MicrosoftAppId"]),
            AppPassword = Blank(configuration["MicrosoftAppPassword"]),
            TenantId = Blank(configuration["MicrosoftAppTenantId"]),
            OpenIdMetadataUrl = Blank(configuration["Teams:OpenIdMetadataUrl"]) ?? DefaultMetadataUrl,
            TokenEndpoint = Blank(configuration["Teams:TokenEndpoint"]),
            ValidIssuers = configuration.GetSection("Teams:ValidIssuers").Get<string[]>() is { Length: > 0 } issuers ? issuers : [BotFrameworkIssuer],
            QueueCapacity = Number(configuration, "Teams:QueueCapacity", DefaultQueueCapacity, 1, 100_000),
            QueuePerConversation = Number(configuration, "Teams:QueuePerConversation", DefaultQueuePerConversation, 1, 1000),
            ProgressAfter = TimeSpan.FromMilliseconds(Number(configuration, "Teams:ProgressAfterMs", DefaultProgressAfterMs, 0, 10_000)),
        };
        options = options with
        {
            QueuePerServiceUrlHost = string.IsNullOrWhiteSpace(configuration["Teams:QueuePerServiceUrlHost"])
                ? options.AuthEnabled ? null : Math.Max(options.QueuePerConversation, options.QueueCapacity / 4)
                : Number(configuration, "Teams:QueuePerServiceUrlHost", 0, 1, options.QueueCapacity),
        };
        if (options.QueuePerConversation > options.QueueCapacity)
            throw new InvalidOperationException("Teams:QueuePerConversation must not be larger than Teams:QueueCapacity.");
        options.Validate(configuration);
        return options;
    }

    private void Validate(IConfiguration configuration)
    {
        if (PasswordInSettingsFile(configuration) is { } file)
            throw new InvalidOperationException($"MicrosoftAppPassword is set in {file}; set it only as an environment variable or with 'dotnet user-secrets'.");
        CheckUrl("Teams:OpenIdMetadataUrl", OpenIdMetadataUrl);
        if (TokenEndpoint is not null) CheckUrl("Teams:TokenEndpoint", TokenEndpoint);
        if (!AuthEnabled) return;
        if (!Guid.TryParse(AppId, out _))
            throw new InvalidOperationException("MicrosoftAppId must be the bot's Microsoft App ID (a GUID).");
        if (AppType == BotAppType.SingleTenant && TenantId is null)
            throw new InvalidOperationException("MicrosoftAppTenantId is required when MicrosoftAppType is SingleTenant.");
        if (AppType != BotAppType.UserAssignedMSI && AppPassword is null)
            throw new InvalidOperationException("MicrosoftAppPassword is required when MicrosoftAppId is set (environment variable or 'dotnet user-secrets').");
    }

    /// <summary>Plain http is allowed only for a local issuer (tests, local tools); anything remote must be https.</summary>
    private static void CheckUrl(string key, string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var u) || (u.Scheme != Uri.UriSchemeHttps && !(u.Scheme == Uri.UriSchemeHttp && u.IsLoopback)))
            throw new InvalidOperationException($"{key} must be an https URL (http only for localhost); was '{url}'.");
    }

    /// <summary>A JSON settings file other than user-secrets that holds the password: it would end up in the repository.</summary>
    private static string? PasswordInSettingsFile(IConfiguration configuration)
    {
        if (configuration is not IConfigurationRoot root) return null;
        foreach (var provider in root.Providers.OfType<JsonConfigurationProvider>())
        {
            var path = provider.Source.Path ?? "";
            if (path.EndsWith("secrets.json", StringComparison.OrdinalIgnoreCase)) continue;
            if (provider.TryGet("MicrosoftAppPassword", out var value) && !string.IsNullOrEmpty(value)) return path;
        }
        return null;
    }

    private static int Number(IConfiguration configuration, string key, int fallback, int min, int max)
    {
        var text = configuration[key];
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        if (!int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n) || n < min || n > max)
            throw new InvalidOperationException($"{key} must be a whole number from {min} to {max} (was '{text}').");
        return n;
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
