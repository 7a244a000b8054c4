using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;
using BalkanBot.Tests.TestSupport;

namespace BalkanBot.Tests.Integration;

/// <summary>manifests/teams/: the manifest against the official schema (offline, @microsoft/app-manifest) and the zip command.</summary>
public sealed class TeamsManifestTests
{
    private const string BotId = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";
    private const string Website = "https://contoso.example/balkanbot";
    private static string Folder => Path.Combine(SeedKnowledge.RepositoryRoot, "manifests", "teams");

    [NodeFact]
    [Trait("Category", "E2E")]
    public async Task Manifest_OfficialSchemaAndIcons_Valid()
    {
        var (exit, report) = await TeamsNode.RunAsync("validate-manifest.js", ["--bot-id", BotId, "--set", $"WEBSITE_URL={Website}",
            "--set", $"PRIVACY_URL={Website}/privacy", "--set", $"TERMS_URL={Website}/terms", Path.Combine(Folder, "manifest.json")], TimeSpan.FromMinutes(1));

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
    public void Manifest_DeveloperUrls_PlaceholdersFilledAtPackaging()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "manifest.json")));
        var developer = doc.RootElement.GetProperty("developer");

        Assert.Equal("${{WEBSITE_URL}}", developer.GetProperty("websiteUrl").GetString());
        Assert.Equal("${{PRIVACY_URL}}", developer.GetProperty("privacyUrl").GetString());
        Assert.Equal("${{TERMS_URL}}", developer.GetProperty("termsOfUseUrl").GetString());
    }

    private static async Task<(int ExitCode, string Output)> PackageAsync(IReadOnlyDictionary<string, string> environment)
    {
        var psi = new ProcessStartInfo("bash", [Path.Combine(Folder, "package.sh")]) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var name in new[] { "BALKANBOT_BOT_ID", "BALKANBOT_WEBSITE_URL", "BALKANBOT_PRIVACY_URL", "BALKANBOT_TERMS_URL" }) psi.Environment.Remove(name);
        foreach (var (k, v) in environment) psi.Environment[k] = v;
        using var process = Process.Start(psi)!;
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output);
    }

    [Theory]
    [InlineData("BALKANBOT_WEBSITE_URL", "")]
    [InlineData("BALKANBOT_WEBSITE_URL", "http://contoso.example/balkanbot")]
    [InlineData("BALKANBOT_TERMS_URL", "https://contoso.example/terms with space")]
    public async Task PackageScript_MissingOrNonHttpsUrl_FailsNamingTheVariable(string name, string value)
    {
        var environment = new Dictionary<string, string> { ["BALKANBOT_BOT_ID"] = BotId, ["BALKANBOT_WEBSITE_URL"] = Website };
        if (value.Length == 0) environment.Remove(name);
        else environment[name] = value;

        var (code, output) = await PackageAsync(environment);

        Assert.NotEqual(0, code);
        Assert.Contains(name, output);
    }

    [Fact]
    public async Task PackageScript_WritesZipWithManifestAndIconsAtRoot()
    {
        var (code, output) = await PackageAsync(new Dictionary<string, string> { ["BALKANBOT_BOT_ID"] = BotId, ["BALKANBOT_WEBSITE_URL"] = Website + "/" });
        Assert.True(code == 0, output);

        using var zip = ZipFile.OpenRead(Path.Combine(Folder, "build", "balkanbot-teams.zip"));
        Assert.Equal(["color.png", "manifest.json", "outline.png"], zip.Entries.Select(e => e.FullName).Order());
        using var manifest = new StreamReader(zip.GetEntry("manifest.json")!.Open());
        var text = await manifest.ReadToEndAsync();
        Assert.DoesNotContain("${{", text);
        using var packaged = JsonDocument.Parse(text);
        Assert.Equal(BotId, packaged.RootElement.GetProperty("id").GetString());
        Assert.Equal(BotId, packaged.RootElement.GetProperty("composeExtensions")[0].GetProperty("botId").GetString());
        var developer = packaged.RootElement.GetProperty("developer");
        Assert.Equal((Website, Website + "/privacy", Website + "/terms"),
            (developer.GetProperty("websiteUrl").GetString(), developer.GetProperty("privacyUrl").GetString(), developer.GetProperty("termsOfUseUrl").GetString()));
    }
}
