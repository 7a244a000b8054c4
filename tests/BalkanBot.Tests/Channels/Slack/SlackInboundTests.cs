using BalkanBot.Channels.Slack;

namespace BalkanBot.Tests.Channels.Slack;

public sealed class SlackInboundTests
{
    private static SlackEvent Event(string type = "app_mention", string? subtype = null, string? botId = null, string? channelType = null,
        string? text = "<@U0BOT> What is CEFTA?", string? threadTs = null, string? user = "U0USER") => new()
        {
            Type = type,
            Subtype = subtype,
            BotId = botId,
            ChannelType = channelType,
            Text = text,
            ThreadTs = threadTs,
            User = user,
            Channel = channelType == "im" ? "D0DM" : "C0CHAN",
            Ts = "1700000001.000100",
        };

    [Fact]
    public void ToWork_Mention_StripsTheMentionAndRepliesInItsThread()
    {
        var work = SlackInbound.ToWork("Ev1", Event());
        Assert.NotNull(work);
        Assert.Equal("What is CEFTA?", work.Text);
        Assert.Equal("1700000001.000100", work.ThreadTs);
        Assert.Equal("C0CHAN:1700000001.000100", work.ConversationId);
    }

    [Fact]
    public void ToWork_MentionInsideAThread_KeepsThatThread()
    {
        var work = SlackInbound.ToWork("Ev1", Event(threadTs: "1699999999.000001"));
        Assert.Equal("1699999999.000001", work!.ThreadTs);
        Assert.Equal("C0CHAN:1699999999.000001", work.ConversationId);
    }

    [Fact]
    public void ToWork_MentionWithLabel_StripsTheWholeMention() =>
        Assert.Equal("and Hungary?", SlackInbound.ToWork("Ev1", Event(text: "<@U0BOT|balkanbot> and Hungary?"))!.Text);

    [Fact]
    public void ToWork_DirectMessage_AnswersInTheDmWithoutThread()
    {
        var work = SlackInbound.ToWork("Ev1", Event(type: "message", channelType: "im", text: "what is kfor"));
        Assert.NotNull(work);
        Assert.Null(work.ThreadTs);
        Assert.Equal("D0DM", work.ConversationId);
    }

    [Theory]
    [InlineData("message", "message_changed", null, "im")]
    [InlineData("message", "message_deleted", null, "im")]
    [InlineData("message", "bot_message", "B0BOT", "im")]
    [InlineData("message", null, "B0BOT", "im")]
    [InlineData("app_mention", null, "B0OTHER", null)]
    [InlineData("message", null, null, "channel")]
    [InlineData("reaction_added", null, null, null)]
    public void ToWork_BotsEditsAndOtherEvents_Ignored(string type, string? subtype, string? botId, string? channelType) =>
        Assert.Null(SlackInbound.ToWork("Ev1", Event(type, subtype, botId, channelType)));

    [Fact]
    public void ToWork_NoUser_Ignored() => Assert.Null(SlackInbound.ToWork("Ev1", Event(user: null)));

    [Fact]
    public void ConversationOf_ChannelMessage_IsItsThread()
    {
        var i = new SlackInteraction { Message = new SlackInteractionMessage { Ts = "1.1" }, Container = new SlackContainer { IsEphemeral = false } };
        Assert.Equal("C1:1.1", SlackInbound.ConversationOf(i, "C1", "U1"));
        var threaded = new SlackInteraction { Message = new SlackInteractionMessage { Ts = "1.2", ThreadTs = "1.1" } };
        Assert.Equal("C1:1.1", SlackInbound.ConversationOf(threaded, "C1", "U1"));
    }

    [Fact]
    public void ConversationOf_EphemeralReply_IsTheSlashCommandConversation()
    {
        var i = new SlackInteraction { Container = new SlackContainer { IsEphemeral = true } };
        Assert.Equal("C1:U1", SlackInbound.ConversationOf(i, "C1", "U1"));
    }

    [Fact]
    public void ConversationOf_DirectMessage_IsTheDm()
    {
        var i = new SlackInteraction { Message = new SlackInteractionMessage { Ts = "1.1" } };
        Assert.Equal("D1", SlackInbound.ConversationOf(i, "D1", "U1"));
    }
}
