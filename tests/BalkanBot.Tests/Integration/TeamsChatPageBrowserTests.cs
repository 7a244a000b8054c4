using System.Diagnostics;
using Xunit.Abstractions;

namespace BalkanBot.Tests.Integration;

/// <summary>
/// The local chat page in headless Chromium (playwright-core, Debian's /usr/bin/chromium): ask, see the answer card
/// with its sources, click a follow-up. Screenshots go to tests/js/artifacts/.
/// </summary>
[Trait("Category", "E2E")]
public sealed class TeamsChatPageBrowserTests(ITestOutputHelper output)
{
    [NodeFact(browser: true)]
    public async Task ChatPage_AskAndFollowUp_RendersAnswerWithSources()
    {
        await using var bot = await TeamsLiveBot.StartAsync();
        var artifacts = Path.Combine(TeamsNode.JsFolder, "artifacts");
        var clock = Stopwatch.StartNew();

        var (exit, report) = await TeamsNode.RunAsync("chat-page.spec.js", [bot.Url, artifacts], TimeSpan.FromMinutes(2));

        output.WriteLine($"{clock.ElapsedMilliseconds} ms: {report}");
        Assert.True(exit == 0, report);
        Assert.True(File.Exists(Path.Combine(artifacts, "chat-page.png")));
        Assert.True(File.Exists(Path.Combine(artifacts, "chat-page-400.png")));
    }
}
