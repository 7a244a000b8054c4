using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace BalkanBot.Hosting;

/// <summary>Behind a reverse proxy or load balancer ("Hosting" section of appsettings.json).</summary>
public sealed class HostingOptions
{
    public const string Section = "Hosting";

    /// <summary>Honour X-Forwarded-For and X-Forwarded-Proto (the proxy terminates HTTPS).</summary>
    public bool ForwardedHeaders { get; set; }

    /// <summary>Proxies trusted to send those headers (IP addresses); empty trusts any, for a proxy that is the only way in.</summary>
    public List<string> KnownProxies { get; set; } = [];
}

/// <summary>Every entry of Hosting:KnownProxies must be an IP address.</summary>
internal sealed class HostingOptionsValidator : IValidateOptions<HostingOptions>
{
    public ValidateOptionsResult Validate(string? name, HostingOptions options)
    {
        var bad = options.KnownProxies.Where(p => !IPAddress.TryParse(p, out _)).ToList();
        return bad.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{HostingOptions.Section}:KnownProxies must hold IP addresses; '{bad[0]}' is not one.");
    }
}

/// <summary>
/// Where the bot listens. The ASP.NET Core conventions decide (ASPNETCORE_URLS, ASPNETCORE_HTTP_PORTS,
/// ASPNETCORE_HTTPS_PORTS, --urls, Kestrel:Endpoints); with none of them set, http://localhost:3978, the address
/// Bot Framework tools expect.
/// </summary>
internal static class Listening
{
    public const string DefaultUrl = "http://localhost:3978";

    private static readonly string[] AddressKeys = [WebHostDefaults.ServerUrlsKey, WebHostDefaults.HttpPortsKey, WebHostDefaults.HttpsPortsKey];

    public static void Add(WebApplicationBuilder builder)
    {
        if (Fallback(builder.Configuration) is { } url) builder.WebHost.UseUrls(url);
        builder.Services.AddOptions<HostingOptions>().BindConfiguration(HostingOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<HostingOptions>, HostingOptionsValidator>();
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<HostingOptions>>((forwarded, hosting) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            forwarded.KnownIPNetworks.Clear();
            forwarded.KnownProxies.Clear();
            foreach (var proxy in hosting.Value.KnownProxies) forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
        });
    }

    /// <summary>The address to listen on when the configuration names none, else null (the conventions decide).</summary>
    public static string? Fallback(IConfiguration configuration) =>
        AddressKeys.All(k => string.IsNullOrWhiteSpace(configuration[k])) && !configuration.GetSection("Kestrel:Endpoints").Exists() ? DefaultUrl : null;

    /// <summary>First in the pipeline, so every later step sees the client's address and the original scheme.</summary>
    public static void UseForwardedHeadersWhenConfigured(WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<HostingOptions>>().Value.ForwardedHeaders) app.UseForwardedHeaders();
    }
}
