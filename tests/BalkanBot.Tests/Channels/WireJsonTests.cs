using System.Text.Json;
using BalkanBot.Channels;
using BalkanBot.Channels.Slack;
using BalkanBot.Channels.Teams;

namespace BalkanBot.Tests.Channels;

/// <summary>Tolerant reading of channel payloads: junk is dropped or read as absent, never an exception.</summary>
public sealed class WireJsonTests
{
    private static Activity ReadActivity(string json) => JsonSerializer.Deserialize(json, TeamsJson.Inbound.TypeInfo<Activity>())!;

    [Fact]
    public void Read_NullAndWrongTypedArrayElements_Dropped()
    {
        var a = ReadActivity("""{"type":"message","entities":[null,5,"x",[],{"type":"mention","mentioned":{"id":"b"}}],"membersAdded":[null,{"id":"bot"}]}""");

        Assert.Equal("mention", Assert.Single(a.Entities!).Type);
        Assert.Equal("bot", Assert.Single(a.MembersAdded!).Id);
    }

    [Theory]
    [InlineData("""{"text":5}""")]
    [InlineData("""{"text":{"a":1}}""")]
    [InlineData("""{"text":[1,2]}""")]
    [InlineData("""{"text":true}""")]
    public void Read_WrongTypedString_ReadsAsAbsent(string json) => Assert.Null(ReadActivity(json).Text);

    [Fact]
    public void Read_WrongTypedObjectsAndLists_ReadAsAbsent()
    {
        var a = ReadActivity("""{"type":"message","text":"hi","from":"me","conversation":[1],"recipient":7,"entities":{"x":1},"attachments":"no","conversation2":null}""");

        Assert.Equal(("message", "hi"), (a.Type, a.Text));
        Assert.Null(a.From);
        Assert.Null(a.Conversation);
        Assert.Null(a.Recipient);
        Assert.Null(a.Entities);
        Assert.Null(a.Attachments);
    }

    [Fact]
    public void Read_WrongTypedScalars_ReadAsAbsentAndNumbersInStringsAccepted()
    {
        var a = ReadActivity("""{"conversation":{"id":"c","isGroup":"yes"}}""");
        var e = JsonSerializer.Deserialize("""{"type":"event_callback","event_time":"1700000000","event":{"type":"app_mention","ts":5}}""",
            SlackJson.Inbound.TypeInfo<SlackEventEnvelope>())!;

        Assert.Null(a.Conversation!.IsGroup);
        Assert.Equal(1700000000, e.EventTime);
        Assert.Null(e.Event!.Ts);
    }

    [Fact]
    public void Read_UnknownFields_KeptForTheRoundTrip()
    {
        var a = ReadActivity("""{"type":"message","channelData":{"tenant":{"id":"t"}},"custom":[null,1]}""");

        Assert.Equal("t", a.ChannelData!.Value.GetProperty("tenant").GetProperty("id").GetString());
        Assert.Equal("[null,1]", a.Extra!["custom"].GetRawText());
    }

    [Fact]
    public void Read_SlackActionsWithNulls_KeepsTheRealOnes()
    {
        var i = JsonSerializer.Deserialize("""{"type":"block_actions","actions":[null,{"action_id":"x","value":7}],"user":{"id":["U1"]}}""",
            SlackJson.Inbound.TypeInfo<SlackInteraction>())!;

        var action = Assert.Single(i.Actions!);
        Assert.Equal("x", action.ActionId);
        Assert.Null(action.Value);
        Assert.Null(i.User!.Id);
    }

    [Fact]
    public void ReadActionData_JunkBesideTheAction_ButtonStillRead()
    {
        var data = BalkanBot.Cards.AdaptiveCardJson.ReadActionData(JsonDocument.Parse("""{"action":"more","section":"facts","offset":"x","answerId":[1],"msteams":null}""").RootElement);

        Assert.Equal(("more", "facts", null, null), (data?.Action, data?.Section, data?.Offset, data?.AnswerId));
        Assert.Null(BalkanBot.Cards.AdaptiveCardJson.ReadActionData(JsonDocument.Parse("""{"action":5}""").RootElement));
    }

    [Fact]
    public void Write_ThroughTheTolerantOptions_SameJsonAsTheContext()
    {
        var a = ReadActivity("""{"type":"message","text":"hi","entities":[{"type":"mention"}],"conversation":{"id":"c","isGroup":true}}""");

        Assert.Equal(JsonSerializer.Serialize(a, TeamsJson.Context.Activity), JsonSerializer.Serialize(a, TeamsJson.Inbound.TypeInfo<Activity>()));
    }
}
