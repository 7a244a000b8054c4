using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;
using BalkanBot.Tests.TestSupport;

namespace BalkanBot.Tests.Integration;

/// <summary>manifests/teams/: the manifest against the official schema (offline, @microsoft/app-manifest) and the zip command.</summary>
public sealed class TeamsManifestTests
{
    private const string BotId = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";
    private static string Folder => Path.Combine(SeedKnowledge.RepositoryRoot, "manifests", "teams");

    [NodeFact]
    [Trait("Category", "E2E")]
    public async Task Manifest_OfficialSchemaAndIcons_Valid()
    {
        var (exit, report) = await TeamsNode.RunAsync("validate-manifest.js", ["--bot-id", BotId, Path.Combine(Folder, "manifest.json")], TimeSpan.FromMinutes(1));

        Assert.True(exit == 0, report);
    }

    [Fact]
    public void Manifest_BotInAllScopesWithExampleCommands()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "manifest.json")));
        var bot = doc.RootElement.GetProperty("bots")[0];

        Assert.Equal("${{BOT_ID}}", bot.GetProperty("botId").GetString());
        Assert.Equal(["personal", "team", "groupChat"], bot.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
        var commands = bot.GetProperty("commandLists").EnumerateArray().SelectMany(l => l.GetProperty("commands").EnumerateArray())
            .Select(c => c.GetProperty("title").GetString()).ToList();
        Assert.Contains("What is the Tirana Declaration?", commands);
        Assert.True(Version.Parse(doc.RootElement.GetProperty("manifestVersion").GetString()!) >= new Version(1, 17));
    }

    [Fact]
    public void Manifest_SearchExtensionAskBalkanBot_QueryInComposeAndCommandBoxWithOneParameter()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "manifest.json")));
        var extension = Assert.Single(doc.RootElement.GetProperty("composeExtensions").EnumerateArray());
        var command = Assert.Single(extension.GetProperty("commands").EnumerateArray());

        Assert.Equal("${{BOT_ID}}", extension.GetProperty("botId").GetString());
        Assert.Equal(("query", "Ask BalkanBot"), (command.GetProperty("type").GetString(), command.GetProperty("title").GetString()));
        Assert.Equal(["compose", "commandBox"], command.GetProperty("context").EnumerateArray().Select(c => c.GetString()));
        Assert.Single(command.GetProperty("parameters").EnumerateArray());
    }

    [Fact]
    public async Task PackageScript_WritesZipWithManifestAndIconsAtRoot()
    {
        var psi = new ProcessStartInfo("bash", [Path.Combine(Folder, "package.sh")]) { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.Environment["BALKANBOT_BOT_ID"] = BotId;
        using var process = Process.Start(psi)!;
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, output);

        using var zip = ZipFile.OpenRead(Path.Combine(Folder, "build", "balkanbot-teams.zip"));
        Assert.Equal(["color.png", "manifest.json", "outline.png"], zip.Entries.Select(e => e.FullName).Order());
        using var manifest = new StreamReader(zip.GetEntry("manifest.json")!.Open());
        var text = await manifest.ReadToEndAsync();
        Assert.DoesNotContain("${{", text);
        Assert.Contains(BotId, text);
    }
}
