using System.Text.Json;
using BalkanBot.Channels.Teams;

namespace BalkanBot.Tests.Channels.Teams;

public sealed class ActivityJsonTests
{
    private const string TeamsMessage = """
        {"type":"message","id":"1700000000000","channelId":"msteams","serviceUrl":"https://smba.trafficmanager.net/emea/",
         "from":{"id":"29:1abc","name":"Ana","aadObjectId":"aad-1","futureField":true},
         "conversation":{"id":"19:chan@thread.tacv2;messageid=1700000000000","conversationType":"channel","tenantId":"t-1","isGroup":true},
         "recipient":{"id":"28:bot","name":"BalkanBot"},"text":"<at>BalkanBot</at> help","textFormat":"plain","locale":"en-GB",
         "entities":[{"type":"mention","mentioned":{"id":"28:bot","name":"BalkanBot"},"text":"<at>BalkanBot</at>"},
                     {"type":"clientInfo","locale":"en-GB","country":"GB","platform":"Web","timezone":"Europe/London"}],
         "channelData":{"tenant":{"id":"t-1"},"teamsChannelId":"19:chan@thread.tacv2","settings":{"selectedChannel":{"id":"19:chan"}}},
         "localTimestamp":"2025-05-01T11:00:00+01:00","attachments":[{"contentType":"text/html","content":"<p>help</p>"}]}
        """;

    [Fact]
    public void Deserialize_TeamsMessage_TypedFieldsRead()
    {
        var a = JsonSerializer.Deserialize(TeamsMessage, TeamsJson.Context.Activity)!;

        Assert.Equal("message", a.Type);
        Assert.Equal("channel", a.Conversation!.ConversationType);
        Assert.Equal("aad-1", a.From!.AadObjectId);
        Assert.Equal("28:bot", a.Entities![0].Mentioned!.Id);
        Assert.Equal(JsonValueKind.String, a.Attachments![0].Content!.Value.ValueKind);
    }

    [Fact]
    public void RoundTrip_UnknownFields_KeptAtEveryLevel()
    {
        var a = JsonSerializer.Deserialize(TeamsMessage, TeamsJson.Context.Activity)!;

        using var again = JsonDocument.Parse(JsonSerializer.Serialize(a, TeamsJson.Context.Activity));
        var root = again.RootElement;
        Assert.Equal("2025-05-01T11:00:00+01:00", root.GetProperty("localTimestamp").GetString());
        Assert.True(root.GetProperty("from").GetProperty("futureField").GetBoolean());
        Assert.Equal("GB", root.GetProperty("entities")[1].GetProperty("country").GetString());
        Assert.Equal("19:chan", root.GetProperty("channelData").GetProperty("settings").GetProperty("selectedChannel").GetProperty("id").GetString());
    }

    [Fact]
    public void Serialize_Reply_NullsLeftOutAndCamelCase()
    {
        var json = JsonSerializer.Serialize(new Activity { Type = "typing", ReplyToId = "1" }, TeamsJson.Context.Activity);

        Assert.Equal("""{"type":"typing","replyToId":"1"}""", json);
    }

    [Fact]
    public void Serialize_InvokeResponse_StatusCodeTypeValue()
    {
        var json = JsonSerializer.Serialize(new InvokeResponse { Type = InvokeResponse.MessageType, Value = JsonDocument.Parse("\"ok\"").RootElement },
            TeamsJson.Context.InvokeResponse);

        Assert.Equal("""{"statusCode":200,"type":"application/vnd.microsoft.activity.message","value":"ok"}""", json);
    }
}
