using System.Net;
using BalkanBot.Hosting;
using BalkanBot.Tests.Integration;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BalkanBot.Tests.Hosting;

/// <summary>Where the bot listens: the ASP.NET Core conventions, else localhost:3978; forwarded headers when configured.</summary>
public sealed class ListeningTests
{
    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void Fallback_NothingConfigured_LocalhostPort3978()
    {
        Assert.Equal("http://localhost:3978", Listening.Fallback(Config()));
    }

    [Theory]
    [InlineData("urls", "http://0.0.0.0:5000")]
    [InlineData("http_ports", "8080")]
    [InlineData("https_ports", "8443")]
    [InlineData("Kestrel:Endpoints:Http:Url", "http://0.0.0.0:5000")]
    public void Fallback_AddressConfigured_LeftToTheConventions(string key, string value)
    {
        Assert.Null(Listening.Fallback(Config((key, value))));
    }

    [Fact]
    public void Appsettings_NamesNoAddress()
    {
        var settings = new ConfigurationBuilder().AddJsonFile(Path.Combine(TestSupport.SeedKnowledge.RepositoryRoot, "appsettings.json")).Build();

        Assert.Null(settings["Urls"]);
        Assert.Equal("http://localhost:3978", Listening.Fallback(settings));
    }

    [Fact]
    public async Task Start_HttpPortsZero_ListensOnAllInterfacesAtTheBoundPort()
    {
        var dir = Directory.CreateTempSubdirectory("balkanbot-listen-").FullName;
        var settings = TeamsTestKnowledge.Settings(Path.Combine(dir, "app.db"));
        settings["http_ports"] = "0";
        await using var app = BotHost.Build([.. settings.Select(s => $"--{s.Key}={s.Value}")]);
        await app.StartAsync();
        try
        {
            var url = new Uri(Assert.Single(app.Urls));
            Assert.True(url.Host is "[::]" or "0.0.0.0", url.Host);
            Assert.NotEqual(0, url.Port);
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"http://127.0.0.1:{url.Port}/healthz")).StatusCode);
        }
        finally
        {
            await app.StopAsync();
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>Answers GET /_probe with the scheme and client address the app saw, after the app's own middleware.</summary>
    private sealed class ProbeFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Run(context => context.Request.Path == "/_probe"
                ? context.Response.WriteAsync($"{context.Request.Scheme} {context.Connection.RemoteIpAddress}")
                : Task.CompletedTask);
        };
    }

    private static async Task<string> ProbeAsync(bool forwardedHeaders)
    {
        await using var bot = new TeamsBotFactory(new Dictionary<string, string?> { ["Hosting:ForwardedHeaders"] = forwardedHeaders ? "true" : "false" },
            services => services.AddTransient<IStartupFilter, ProbeFilter>());
        using var request = new HttpRequestMessage(HttpMethod.Get, "/_probe");
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.9");
        using var response = await bot.CreateClient().SendAsync(request);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task ForwardedHeaders_Enabled_SchemeAndClientFromTheProxy()
    {
        Assert.Equal("https 203.0.113.9", await ProbeAsync(forwardedHeaders: true));
    }

    [Fact]
    public async Task ForwardedHeaders_Default_HeadersIgnored()
    {
        Assert.StartsWith("http ", await ProbeAsync(forwardedHeaders: false));
    }
}
