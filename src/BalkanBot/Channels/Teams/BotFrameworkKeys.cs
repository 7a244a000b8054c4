using Microsoft.Extensions.Options;

namespace BalkanBot.Channels.Teams;

/// <summary>
/// Applies the Bot Framework's top-level keys (MicrosoftAppType, MicrosoftAppId, MicrosoftAppPassword,
/// MicrosoftAppTenantId), which every Bot Framework sample and Azure Bot resource uses, over the "Teams" section.
/// </summary>
internal sealed class BotFrameworkKeys(IConfiguration configuration) : IConfigureOptions<TeamsOptions>
{
    public const string AppType = "MicrosoftAppType";
    public const string AppId = "MicrosoftAppId";
    public const string AppPassword = "MicrosoftAppPassword";
    public const string TenantId = "MicrosoftAppTenantId";

    public void Configure(TeamsOptions options)
    {
        var typeText = configuration[AppType];
        if (!string.IsNullOrWhiteSpace(typeText))
        {
            options.AppType = Enum.TryParse<BotAppType>(typeText, ignoreCase: true, out var type) && Enum.IsDefined(type)
                ? type
                : throw new InvalidOperationException($"{AppType} must be MultiTenant, SingleTenant or UserAssignedMSI (was '{typeText}').");
        }
        options.AppId = Blank(configuration[AppId]) ?? Blank(options.AppId);
        options.AppPassword = Blank(configuration[AppPassword]) ?? Blank(options.AppPassword);
        options.TenantId = Blank(configuration[TenantId]) ?? Blank(options.TenantId);
        options.TokenEndpoint = Blank(options.TokenEndpoint);
        options.OpenIdMetadataUrl = Blank(options.OpenIdMetadataUrl) ?? TeamsOptions.DefaultMetadataUrl;
        options.ManagedIdentityEndpoint = Blank(options.ManagedIdentityEndpoint) ?? TeamsOptions.DefaultManagedIdentityEndpoint;
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
