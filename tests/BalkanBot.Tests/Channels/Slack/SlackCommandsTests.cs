using BalkanBot.Channels.Slack;

namespace BalkanBot.Tests.Channels.Slack;

public sealed class SlackCommandsTests
{
    [Theory]
    [InlineData("", SlackCommandKind.Help, "help", "")]
    [InlineData("   ", SlackCommandKind.Help, "help", "")]
    [InlineData("help", SlackCommandKind.Help, "help", "")]
    [InlineData("HELP", SlackCommandKind.Help, "help", "")]
    [InlineData("What is CEFTA?", SlackCommandKind.Question, "", "What is CEFTA?")]
    [InlineData("help me with the Tirana Declaration", SlackCommandKind.Question, "", "help me with the Tirana Declaration")]
    [InlineData("share What is CEFTA?", SlackCommandKind.Share, "share", "What is CEFTA?")]
    [InlineData("Share   what is KFOR", SlackCommandKind.Share, "share", "what is KFOR")]
    [InlineData("share", SlackCommandKind.Share, "share", "")]
    [InlineData("subscribe weekly Kosovo", SlackCommandKind.Extension, "subscribe", "weekly Kosovo")]
    [InlineData("Unsubscribe", SlackCommandKind.Extension, "unsubscribe", "")]
    [InlineData("subscriptions", SlackCommandKind.Extension, "subscriptions", "")]
    [InlineData("digest preview", SlackCommandKind.Extension, "digest", "preview")]
    public void Parse_CommandText_PicksKindWordAndRest(string text, SlackCommandKind kind, string word, string rest)
    {
        var parsed = SlackCommands.Parse(text);
        Assert.Equal(kind, parsed.Kind);
        Assert.Equal(word, parsed.Word);
        Assert.Equal(rest, parsed.Rest);
    }

    [Fact]
    public void Parse_Null_IsHelp() => Assert.Equal(SlackCommandKind.Help, SlackCommands.Parse(null).Kind);
}
