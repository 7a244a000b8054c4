using BalkanBot.Channels.Teams;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BalkanBot.Tests.Channels.Teams;

public sealed class TeamsOptionsTests
{
    private const string AppId = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";

    /// <summary>The options as the host binds, configures and validates them.</summary>
    private static TeamsOptions Bind(IConfiguration configuration) =>
        new ServiceCollection().AddLogging().AddSingleton(configuration).AddTeamsChannel(configuration)
            .BuildServiceProvider().GetRequiredService<IOptions<TeamsOptions>>().Value;

    private static IConfiguration Config(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void Bind_NoAppId_AuthDisabledWithDefaults()
    {
        var o = Bind(Config());

        Assert.False(o.AuthEnabled);
        Assert.Equal(TeamsOptions.DefaultMetadataUrl, o.OpenIdMetadataUrl);
        Assert.Equal(["https://api.botframework.com"], o.Issuers);
    }

    [Fact]
    public void Bind_MultiTenant_TokenFromBotFrameworkTenant()
    {
        var o = Bind(Config(("MicrosoftAppType", "MultiTenant"), ("MicrosoftAppId", AppId), ("MicrosoftAppPassword", "x")));

        Assert.True(o.AuthEnabled);
        Assert.Equal("https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token", o.TokenUrl);
    }

    [Fact]
    public void Bind_SingleTenant_TokenFromOwnTenant()
    {
        var o = Bind(Config(("MicrosoftAppType", "singletenant"), ("MicrosoftAppId", AppId), ("MicrosoftAppPassword", "x"),
            ("MicrosoftAppTenantId", "11111111-2222-3333-4444-555555555555")));

        Assert.Equal(BotAppType.SingleTenant, o.AppType);
        Assert.Equal("https://login.microsoftonline.com/11111111-2222-3333-4444-555555555555/oauth2/v2.0/token", o.TokenUrl);
    }

    [Fact]
    public void Bind_NoAppType_DefaultsToSingleTenant()
    {
        var o = Bind(Config(("MicrosoftAppId", AppId), ("MicrosoftAppPassword", "x"), ("MicrosoftAppTenantId", "11111111-2222-3333-4444-555555555555")));

        Assert.Equal(BotAppType.SingleTenant, o.AppType);
        Assert.Equal("https://login.microsoftonline.com/11111111-2222-3333-4444-555555555555/oauth2/v2.0/token", o.TokenUrl);
    }

    [Fact]
    public void Bind_NoAppTypeNoTenant_FailsNamingTenantAndTheMultiTenantSetting()
    {
        var ex = Assert.ThrowsAny<Exception>(() => Bind(Config(("MicrosoftAppId", AppId), ("MicrosoftAppPassword", "x"))));

        Assert.Contains("MicrosoftAppTenantId", ex.Message);
        Assert.Contains("MicrosoftAppType=MultiTenant", ex.Message);
    }

    [Fact]
    public void Bind_ManagedIdentityEndpoint_UsedForTheTokenWithClientId()
    {
        var o = Bind(Config(("MicrosoftAppType", "UserAssignedMSI"), ("MicrosoftAppId", AppId),
            ("Teams:ManagedIdentityEndpoint", "http://127.0.0.1:5000/metadata/identity/oauth2/token")));

        Assert.True(o.UsesManagedIdentity);
        Assert.Equal($"http://127.0.0.1:5000/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https%3A%2F%2Fapi.botframework.com&client_id={AppId}", o.TokenUrl);
    }

    [Fact]
    public void Bind_UserAssignedMsi_NeedsNoPasswordAndUsesManagedIdentity()
    {
        var o = Bind(Config(("MicrosoftAppType", "UserAssignedMSI"), ("MicrosoftAppId", AppId)));

        Assert.StartsWith("http://169.254.169.254/metadata/identity/oauth2/token", o.TokenUrl);
        Assert.Contains(AppId, o.TokenUrl);
    }

    [Theory]
    [InlineData("MicrosoftAppType", "Sometimes", "MicrosoftAppType")]
    [InlineData("MicrosoftAppId", "not-a-guid", "MicrosoftAppId")]
    [InlineData("Teams:OpenIdMetadataUrl", "http://login.example.com/openid", "Teams:OpenIdMetadataUrl")]
    [InlineData("Teams:TokenEndpoint", "ftp://127.0.0.1/token", "Teams:TokenEndpoint")]
    [InlineData("Teams:ManagedIdentityEndpoint", "http://imds.example.com/token", "Teams:ManagedIdentityEndpoint")]
    [InlineData("Teams:ManagedIdentityEndpoint", "http://169.254.169.254/metadata/identity/oauth2/token?api-version=1", "Teams:ManagedIdentityEndpoint")]
    public void Bind_BadValue_ThrowsNamingTheKey(string key, string value, string named)
    {
        var values = new Dictionary<string, string?> { ["MicrosoftAppType"] = "MultiTenant", ["MicrosoftAppId"] = AppId, ["MicrosoftAppPassword"] = "x", [key] = value };
        var ex = Assert.ThrowsAny<Exception>(() => Bind(new ConfigurationBuilder().AddInMemoryCollection(values).Build()));

        Assert.Contains(named, ex.Message);
    }

    [Fact]
    public void Bind_AppIdWithoutPassword_ThrowsNamingPassword()
    {
        var ex = Assert.ThrowsAny<Exception>(() => Bind(Config(("MicrosoftAppId", AppId))));
        Assert.Contains("MicrosoftAppPassword", ex.Message);
    }

    [Fact]
    public void Bind_SingleTenantWithoutTenant_ThrowsNamingTenant()
    {
        var ex = Assert.ThrowsAny<Exception>(() =>
            Bind(Config(("MicrosoftAppType", "SingleTenant"), ("MicrosoftAppId", AppId), ("MicrosoftAppPassword", "x"))));
        Assert.Contains("MicrosoftAppTenantId", ex.Message);
    }

    [Fact]
    public void Bind_PasswordInSettingsFile_Throws()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("balkanbot-settings-").FullName, "appsettings.json");
        File.WriteAllText(file, $$"""{"MicrosoftAppId":"{{AppId}}","MicrosoftAppPassword":"oops"}""");
        var config = new ConfigurationBuilder().AddJsonFile(file).Build();

        var ex = Assert.ThrowsAny<Exception>(() => Bind(config));
        Assert.Contains("environment variable", ex.Message);
        Assert.DoesNotContain("oops", ex.Message);
    }

    [Fact]
    public void Bind_LocalHttpIssuer_Allowed()
    {
        var o = Bind(Config(("Teams:OpenIdMetadataUrl", "http://127.0.0.1:5000/v1/.well-known/openidconfiguration")));
        Assert.StartsWith("http://127.0.0.1", o.OpenIdMetadataUrl);
    }

    [Fact]
    public void Bind_IssuersConfigured_ReplaceTheDefault()
    {
        var o = Bind(Config(("Teams:ValidIssuers:0", "https://issuer.example")));

        Assert.Equal(["https://issuer.example"], o.Issuers);
    }

    [Fact]
    public void Bind_QueuePerConversationAboveCapacity_FailsNamingBothKeys()
    {
        var ex = Assert.ThrowsAny<Exception>(() => Bind(Config(("Teams:QueueCapacity", "4"), ("Teams:QueuePerConversation", "8"))));

        Assert.Contains("Teams:QueuePerConversation", ex.Message);
        Assert.Contains("Teams:QueueCapacity", ex.Message);
    }
}
