using BalkanBot.Hosting;

namespace BalkanBot.Tests.Hosting;

/// <summary>A mistyped command fails with the nearest one named, instead of starting the bot.</summary>
public sealed class CliVerbTests
{
    [Theory]
    [InlineData("aks", "ask")]
    [InlineData("evl", "eval")]
    [InlineData("KB", "kb")]
    [InlineData("digets", "digest")]
    public void UnknownVerb_Typo_SuggestsTheNearestCommand(string typed, string nearest)
    {
        var message = Cli.UnknownVerb([typed, "What is CEFTA?"]);

        Assert.NotNull(message);
        Assert.Contains($"'{typed}'", message);
        Assert.Contains($"Did you mean '{nearest}'?", message);
        Assert.DoesNotContain('\n', message);
    }

    [Fact]
    public void UnknownVerb_FarFromEveryCommand_ListsThemWithoutGuessing()
    {
        var message = Cli.UnknownVerb(["serve"]);

        Assert.NotNull(message);
        Assert.DoesNotContain("Did you mean", message);
        Assert.Contains("kb, ask, eval, digest", message);
    }

    [Theory]
    [InlineData]
    [InlineData("--urls=http://0.0.0.0:8080")]
    [InlineData("--Knowledge:Folder", "/srv/knowledge")]
    [InlineData("Data:Directory=/var/lib/balkanbot")]
    public void UnknownVerb_NoCommandOrOnlySettings_NullSoTheBotStarts(params string[] args)
    {
        Assert.Null(Cli.UnknownVerb(args));
    }

    [Fact]
    public void Main_UnknownVerb_ExitsWithUsageCode()
    {
        Assert.Equal(Cli.UsageExitCode, Program.Main(["aks", "What is CEFTA?"]));
    }
}
