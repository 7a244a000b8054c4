using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.Options;

namespace BalkanBot.Channels.Teams;

/// <summary>Bad Teams configuration stops the host at start with a message naming the key.</summary>
internal sealed class TeamsOptionsValidator(IConfiguration configuration) : IValidateOptions<TeamsOptions>
{
    public ValidateOptionsResult Validate(string? name, TeamsOptions o)
    {
        var errors = new List<string>();
        if (PasswordInSettingsFile(configuration) is { } file)
            errors.Add($"{BotFrameworkKeys.AppPassword} is set in {file}; set it only as an environment variable or with 'dotnet user-secrets'.");
        CheckUrl(errors, "Teams:OpenIdMetadataUrl", o.OpenIdMetadataUrl);
        if (o.TokenEndpoint is not null) CheckUrl(errors, "Teams:TokenEndpoint", o.TokenEndpoint);
        CheckManagedIdentityUrl(errors, o.ManagedIdentityEndpoint);
        if (o.QueueCapacity is < 1 or > 100_000) errors.Add($"Teams:QueueCapacity must be a whole number from 1 to 100000 (was {o.QueueCapacity}).");
        if (o.QueuePerConversation < 1 || o.QueuePerConversation > o.QueueCapacity)
            errors.Add($"Teams:QueuePerConversation must be from 1 to Teams:QueueCapacity (was {o.QueuePerConversation}).");
        if (o.QueuePerServiceUrlHost is { } perHost && (perHost < 1 || perHost > o.QueueCapacity))
            errors.Add($"Teams:QueuePerServiceUrlHost must be from 1 to Teams:QueueCapacity (was {perHost}).");
        if (o.AuthEnabled)
        {
            if (!Guid.TryParse(o.AppId, out _))
                errors.Add($"{BotFrameworkKeys.AppId} must be the bot's Microsoft App ID (a GUID).");
            if (o.AppType == BotAppType.SingleTenant && o.TenantId is null)
                errors.Add($"{BotFrameworkKeys.TenantId} is required when {BotFrameworkKeys.AppType} is SingleTenant (the default); " +
                    $"a bot registered as multi-tenant before 31 July 2025 sets {BotFrameworkKeys.AppType}=MultiTenant.");
            if (o.AppType != BotAppType.UserAssignedMSI && o.AppPassword is null)
                errors.Add($"{BotFrameworkKeys.AppPassword} is required when {BotFrameworkKeys.AppId} is set (environment variable or 'dotnet user-secrets').");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>IMDS is plain http on a link-local address; allow that, loopback (tests) and https, nothing else.</summary>
    private static void CheckManagedIdentityUrl(List<string> errors, string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var u) || !string.IsNullOrEmpty(u.Query)
            || (u.Scheme != Uri.UriSchemeHttps && !(u.Scheme == Uri.UriSchemeHttp && (u.IsLoopback || u.Host == "169.254.169.254"))))
            errors.Add($"Teams:ManagedIdentityEndpoint must be the IMDS token URL without a query, {TeamsOptions.DefaultManagedIdentityEndpoint} by default; was '{url}'.");
    }

    /// <summary>Plain http is allowed only for a local issuer (tests, local tools); anything remote must be https.</summary>
    private static void CheckUrl(List<string> errors, string key, string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var u) || (u.Scheme != Uri.UriSchemeHttps && !(u.Scheme == Uri.UriSchemeHttp && u.IsLoopback)))
            errors.Add($"{key} must be an https URL (http only for localhost); was '{url}'.");
    }

    /// <summary>A JSON settings file other than user-secrets that holds the password: it would end up in the repository.</summary>
    private static string? PasswordInSettingsFile(IConfiguration configuration)
    {
        if (configuration is not IConfigurationRoot root) return null;
        foreach (var provider in root.Providers.OfType<JsonConfigurationProvider>())
        {
            var path = provider.Source.Path ?? "";
            if (path.EndsWith("secrets.json", StringComparison.OrdinalIgnoreCase)) continue;
            if (provider.TryGet(BotFrameworkKeys.AppPassword, out var value) && !string.IsNullOrEmpty(value)) return path;
        }
        return null;
    }
}
