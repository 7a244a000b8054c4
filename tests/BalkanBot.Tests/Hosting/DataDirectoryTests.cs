using BalkanBot.Hosting;
using BalkanBot.Knowledge;
using BalkanBot.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BalkanBot.Tests.Hosting;

/// <summary>The compiled knowledge base and the app database live in Data:Directory; the knowledge files stay in the app folder.</summary>
public sealed class DataDirectoryTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("balkanbot-data-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task Build_DataDirectorySet_BuildsBothDatabasesThere()
    {
        var data = Path.Combine(_dir, "state");

        await using var app = BotHost.Build([$"--Data:Directory={data}", "--Urls=http://127.0.0.1:0", "--Digests:Enabled=false", "--MicrosoftAppId="]);
        var store = app.Services.GetRequiredService<IAppStore>();

        Assert.Null(await store.CheckAsync());
        Assert.Equal(Path.Combine(data, "knowledge.db"), app.Services.GetRequiredService<KnowledgeBase>().DatabasePath);
        Assert.True(File.Exists(Path.Combine(data, "app.db")));
    }

    [Fact]
    public void InData_RelativeAndAbsolute_RelativeUnderTheDataDirectory()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("Data:Directory", _dir)]).Build();

        Assert.Equal(Path.Combine(_dir, "app.db"), AppPaths.InData(configuration, "app.db"));
        Assert.Equal("/elsewhere/app.db", AppPaths.InData(configuration, "/elsewhere/app.db"));
    }

    [Fact]
    public void DataDirectory_NotSet_DataUnderTheAppFolder()
    {
        var configuration = new ConfigurationBuilder().Build();

        Assert.Equal(Path.Combine(AppPaths.AppRoot(), "data"), AppPaths.DataDirectory(configuration));
    }
}
