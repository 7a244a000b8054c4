namespace BalkanBot.Channels.Teams;

/// <summary>
/// How the bot's Azure registration authenticates. New registrations are SingleTenant or UserAssignedMSI (Azure no
/// longer creates multi-tenant bots since 31 July 2025); MultiTenant remains for bots registered before.
/// </summary>
public enum BotAppType { MultiTenant, SingleTenant, UserAssignedMSI }

/// <summary>
/// Bot identity, read from the Bot Framework's conventional top-level keys (MicrosoftAppType, MicrosoftAppId,
/// MicrosoftAppPassword, MicrosoftAppTenantId; see <see cref="BotFrameworkKeys"/>) plus the "Teams" section.
/// Mistakes fail at start with the key's name (<see cref="TeamsOptionsValidator"/>).
/// </summary>
public sealed class TeamsOptions
{
    public const string Section = "Teams";
    public const string BotFrameworkIssuer = "https://api.botframework.com";
    public const string DefaultMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";
    public const string Scope = "https://api.botframework.com/.default";
    /// <summary>The Azure Instance Metadata Service token endpoint, reachable only from inside Azure.</summary>
    public const string DefaultManagedIdentityEndpoint = "http://169.254.169.254/metadata/identity/oauth2/token";

    public BotAppType AppType { get; set; } = BotAppType.SingleTenant;
    public string? AppId { get; set; }
    public string? AppPassword { get; set; }
    public string? TenantId { get; set; }
    public string OpenIdMetadataUrl { get; set; } = DefaultMetadataUrl;
    public string? TokenEndpoint { get; set; }
    /// <summary>Where a UserAssignedMSI bot gets its token (IMDS); tests point it at a local fake.</summary>
    public string ManagedIdentityEndpoint { get; set; } = DefaultManagedIdentityEndpoint;

    /// <summary>Issuers accepted on inbound tokens; none configured means <see cref="BotFrameworkIssuer"/>.</summary>
    public List<string> ValidIssuers { get; set; } = [];

    /// <summary>Turns accepted and not yet finished; beyond it /api/messages answers 503 with Retry-After.</summary>
    public int QueueCapacity { get; set; } = DefaultQueueCapacity;

    /// <summary>Of those, at most this many for one conversation.</summary>
    public int QueuePerConversation { get; set; } = DefaultQueuePerConversation;

    /// <summary>
    /// Of those, at most this many for one serviceUrl host. Without an app id it defaults to a quarter of the queue
    /// (any local client can name any local serviceUrl); with one, to no limit (serviceUrl comes from a signed token).
    /// </summary>
    public int? QueuePerServiceUrlHost { get; set; }

    public const int DefaultQueueCapacity = 1024;
    public const int DefaultQueuePerConversation = 16;

    /// <summary>With no app id the bot trusts every caller: local development, the Emulator, the Teams playground.</summary>
    public bool AuthEnabled => !string.IsNullOrWhiteSpace(AppId);

    /// <summary>True when the token comes from the managed identity endpoint (GET with Metadata: true), not client credentials.</summary>
    public bool UsesManagedIdentity => AppType == BotAppType.UserAssignedMSI;

    public IReadOnlyList<string> Issuers => ValidIssuers.Count > 0 ? ValidIssuers : [BotFrameworkIssuer];

    /// <summary>The per-host limit in force: the configured one, else a quarter of the queue without an app id.</summary>
    public int? PerServiceUrlHostLimit => QueuePerServiceUrlHost ?? (AuthEnabled ? null : Math.Max(QueuePerConversation, QueueCapacity / 4));

    public string TokenUrl => AppType switch
    {
        BotAppType.UserAssignedMSI =>
            $"{ManagedIdentityEndpoint}?api-version=2018-02-01&resource=https%3A%2F%2Fapi.botframework.com&client_id={Uri.EscapeDataString(AppId ?? "")}",
        _ when TokenEndpoint is not null => TokenEndpoint,
        BotAppType.SingleTenant => $"https://login.microsoftonline.com/{Uri.EscapeDataString(TenantId ?? "")}/oauth2/v2.0/token",
        _ => "https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token",
    };
}
