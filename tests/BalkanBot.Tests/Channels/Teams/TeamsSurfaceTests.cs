using System.Text.Json;
using BalkanBot.Channels.Teams;

namespace BalkanBot.Tests.Channels.Teams;

public sealed class TeamsSurfaceTests
{
    [Theory]
    [InlineData("msteams", "personal", true, true, true)]
    [InlineData("msteams", "groupChat", true, true, false)]
    [InlineData("msteams", "channel", false, false, false)]
    [InlineData("emulator", "personal", false, false, false)]
    [InlineData("msteams", null, true, true, true)]
    public void Of_ChannelAndScope_NativeFeatures(string channelId, string? type, bool citations, bool feedbackLoop, bool streaming)
    {
        var a = new Activity { ChannelId = channelId, Conversation = new ConversationAccount { Id = "c", ConversationType = type } };

        Assert.Equal(new TeamsSurface(citations, feedbackLoop, streaming), TeamsSurface.Of(a));
    }

    [Theory]
    [InlineData("""{"feedback":"{\"feedbackText\":\"Missing the 2024 figure\"}"}""", "Missing the 2024 figure")]
    [InlineData("""{"feedback":"plain words"}""", "plain words")]
    [InlineData("""{"feedback":"{\"feedbackText\":\"\"}"}""", null)]
    [InlineData("""{"feedback":"{\"reason\":\"x\"}"}""", """{"reason":"x"}""")]
    [InlineData("""{"feedback":{"feedbackText":"an object"}}""", "an object")]
    [InlineData("""{"feedback":42}""", null)]
    [InlineData("""{}""", null)]
    public void Comment_FeedbackShapes_UserWordsOrNull(string actionValue, string? expected) =>
        Assert.Equal(expected, TeamsBot.Comment(JsonDocument.Parse(actionValue).RootElement));

    [Fact]
    public void Comment_Huge_Clipped() =>
        Assert.Equal(TeamsBot.MaxFeedbackComment,
            TeamsBot.Comment(JsonDocument.Parse($$"""{"feedback":"{{new string('x', 10_000)}}"}""").RootElement)!.Length);

    [Fact]
    public void StreamInfo_Informative_ShapeAsTeamsExpects()
    {
        var json = JsonSerializer.SerializeToElement(StreamInfo.Informative(), TeamsJson.Context.Entity);

        Assert.Equal("streaminfo", json.GetProperty("type").GetString());
        Assert.Equal("informative", json.GetProperty("streamType").GetString());
        Assert.Equal(1, json.GetProperty("streamSequence").GetInt32());
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(TeamsBot.Informative) < 1024);
    }
}
