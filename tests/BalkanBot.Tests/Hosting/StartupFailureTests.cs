using System.Net;
using System.Net.Sockets;
using BalkanBot.Hosting;
using BalkanBot.Tests.Integration;
using BalkanBot.Tests.TestSupport;

namespace BalkanBot.Tests.Hosting;

/// <summary>What an operator can fix ends the start with one line naming it and exit code 1, never a stack trace.</summary>
public sealed class StartupFailureTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("balkanbot-start-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    private Dictionary<string, string?> Settings()
    {
        var settings = TeamsTestKnowledge.Settings(Path.Combine(_dir, "app.db"));
        settings["Urls"] = "http://127.0.0.1:0";
        settings["Digests:Enabled"] = "false";
        return settings;
    }

    private static (int ExitCode, string[] Lines) Start(Dictionary<string, string?> settings)
    {
        using var error = new StringWriter();
        var code = StartupFailure.Run(() => BotHost.Build([.. settings.Select(s => $"--{s.Key}={s.Value}")]), error);
        return (code, error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Run_PortInUse_OneLineNamingTheAddress()
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var port = ((IPEndPoint)holder.LocalEndpoint).Port;
        var settings = Settings();
        settings["Urls"] = $"http://127.0.0.1:{port}";

        var (code, lines) = Start(settings);

        Assert.Equal(1, code);
        var line = Assert.Single(lines);
        Assert.Contains($"127.0.0.1:{port}", line);
        Assert.Contains("address already in use", line);
    }

    [Fact]
    public void Run_BrokenKnowledgeAndNoDatabase_OneLineWithTheFirstErrors()
    {
        var folder = Path.Combine(_dir, "knowledge");
        foreach (var file in Directory.EnumerateFiles(SeedKnowledge.KnowledgeFolder, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(folder, Path.GetRelativePath(SeedKnowledge.KnowledgeFolder, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }
        var broken = Path.Combine(folder, "agreements", "balkan-benelux.yaml");
        File.WriteAllText(broken, File.ReadAllText(broken).Replace("\nname:", "\n\tname:", StringComparison.Ordinal));
        var settings = Settings();
        settings.Remove("Knowledge:Database");
        settings["Knowledge:BuildOnStart"] = "true";
        settings["Knowledge:Folder"] = folder;
        settings["Data:Directory"] = Path.Combine(_dir, "data");

        var (code, lines) = Start(settings);

        Assert.Equal(1, code);
        var line = Assert.Single(lines);
        Assert.Contains("no database has been built", line);
        Assert.Contains("balkan-benelux.yaml:2", line);
        Assert.False(File.Exists(Path.Combine(_dir, "data", "knowledge.db")));
    }

    [Theory]
    [InlineData("Hosting:KnownProxies:0", "not-an-address", "Hosting:KnownProxies")] // options validated at start
    [InlineData("MicrosoftAppId", "not-a-guid", "MicrosoftAppId")] // read while the host is built
    [InlineData("Knowledge:BuildOnStart", "maybe", "Knowledge:BuildOnStart")] // the binder cannot convert it
    public void Run_BadSetting_OneLineNamingTheKey(string key, string value, string named)
    {
        var settings = Settings();
        settings[key] = value;

        var (code, lines) = Start(settings);

        Assert.Equal(1, code);
        var line = Assert.Single(lines);
        Assert.StartsWith("Configuration error: ", line);
        Assert.Contains(named, line);
    }

    [Fact]
    public void Describe_UnexpectedException_NullSoItKeepsItsStackTrace()
    {
        Assert.Null(StartupFailure.Describe(new ArgumentNullException("value"), building: false));
        Assert.Null(StartupFailure.Describe(new InvalidOperationException("a bug"), building: false));
    }
}
