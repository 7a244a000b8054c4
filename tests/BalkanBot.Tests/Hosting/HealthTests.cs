using System.Net;
using System.Text.Json;
using BalkanBot.Knowledge;
using BalkanBot.Tests.Integration;

namespace BalkanBot.Tests.Hosting;

/// <summary>/healthz says the process is up; /readyz runs the readiness checks and reports the knowledge base it serves.</summary>
public sealed class HealthTests : IAsyncLifetime
{
    private readonly TeamsBotFactory _bot = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Healthz_Running_AliveWithoutChecks()
    {
        using var response = await _bot.CreateClient().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"status":"alive"}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Readyz_Healthy_ReportsKnowledgeHashRecordsAndAppDatabase()
    {
        using var response = await _bot.CreateClient().GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
        var knowledge = body.RootElement.GetProperty("checks").GetProperty("knowledge");
        using var kb = KnowledgeBase.Open(TeamsTestKnowledge.DatabasePath);
        Assert.Equal(kb.ContentHash, knowledge.GetProperty("contentHash").GetString());
        Assert.Equal(kb.TotalRecords, knowledge.GetProperty("records").GetInt32());
        Assert.Equal("Healthy", body.RootElement.GetProperty("checks").GetProperty("appDatabase").GetProperty("status").GetString());
    }
}
