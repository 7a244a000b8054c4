using BalkanBot.Channels.Teams;

namespace BalkanBot.Tests.Channels.Teams;

public sealed class MentionTextTests
{
    private static Activity Channel(string text, params Entity[] entities) => new()
    {
        Type = "message",
        Text = text,
        Recipient = new ChannelAccount { Id = "28:bot", Name = "BalkanBot" },
        Entities = [.. entities],
    };

    private static Entity Mention(string id, string name) =>
        new() { Type = "mention", Mentioned = new ChannelAccount { Id = id, Name = name }, Text = $"<at>{name}</at>" };

    [Fact]
    public void Strip_BotMention_RemovedFromTextAndEntities()
    {
        var activity = Channel("<at>BalkanBot</at> What is the Tirana Declaration?", Mention("28:bot", "BalkanBot"),
            new Entity { Type = "clientInfo" });

        Assert.Equal("What is the Tirana Declaration?", MentionText.Strip(activity));
        Assert.DoesNotContain(activity.Entities!, e => e.Type == "mention");
        Assert.Single(activity.Entities!);
    }

    [Fact]
    public void Strip_MentionOfSomeoneElse_KeepsTheirName()
    {
        var activity = Channel("<at>BalkanBot</at> who is <at>Albin Kurti</at>", Mention("28:bot", "BalkanBot"), Mention("29:user", "Albin Kurti"));

        Assert.Equal("who is Albin Kurti", MentionText.Strip(activity));
        Assert.Single(activity.Entities!);
    }

    [Fact]
    public void Strip_NonBreakingSpacesAndHtmlEntities_Decoded()
    {
        var activity = Channel("<at>BalkanBot</at>&nbsp;compare Serbia &amp; Hungary", Mention("28:bot", "BalkanBot"));

        Assert.Equal("compare Serbia & Hungary", MentionText.Strip(activity));
    }

    [Fact]
    public void Strip_BotNameTagWithoutEntity_Removed()
    {
        Assert.Equal("help", MentionText.Strip(Channel("<at>BalkanBot</at>   help")));
    }

    [Fact]
    public void Strip_PersonalChatText_Unchanged()
    {
        Assert.Equal("When was UNSCR 1244 adopted?", MentionText.Strip(Channel("When was UNSCR 1244 adopted?")));
    }
}
