using System.Text.Json;
using BalkanBot.Answers;
using BalkanBot.Channels.Teams;
using BalkanBot.Tests.Cards;

namespace BalkanBot.Tests.Channels.Teams;

public sealed class AiMessageTests
{
    private static Activity Reply(Answer answer) => new()
    {
        Type = "message",
        Text = AiMessage.Text(answer),
        Entities = AiMessage.For(answer) is { } e ? [e] : null,
    };

    /// <summary>The activity as the connector receives it.</summary>
    private static JsonElement Wire(Activity a) => JsonSerializer.SerializeToElement(a, TeamsJson.Context.Activity);

    [Fact]
    public void For_ExtractiveAnswer_CitationsWithoutAiLabel()
    {
        var wire = Wire(Reply(CardSamples.Full()));

        var entity = Assert.Single(wire.GetProperty("entities").EnumerateArray());
        Assert.Equal("https://schema.org/Message", entity.GetProperty("type").GetString());
        Assert.Equal("Message", entity.GetProperty("@type").GetString());
        Assert.Equal("https://schema.org", entity.GetProperty("@context").GetString());
        Assert.Equal("", entity.GetProperty("@id").GetString());
        Assert.False(entity.TryGetProperty("additionalType", out _));
        var first = entity.GetProperty("citation")[0];
        Assert.Equal("Claim", first.GetProperty("@type").GetString());
        Assert.Equal(1, first.GetProperty("position").GetInt32());
        Assert.Equal("DigitalDocument", first.GetProperty("appearance").GetProperty("@type").GetString());
        Assert.Equal("https://example.org/report-1", first.GetProperty("appearance").GetProperty("url").GetString());
    }

    [Fact]
    public void For_PhrasedAnswer_CarriesAiGeneratedLabel()
    {
        var entity = Wire(Reply(CardSamples.Full() with { Phrased = true })).GetProperty("entities")[0];

        Assert.Equal(["AIGeneratedContent"], entity.GetProperty("additionalType").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void For_NoCitationsNotPhrased_NoEntity() =>
        Assert.Null(AiMessage.For(CardSamples.Full() with { Citations = [] }));

    [Fact]
    public void Claim_LongFields_ClippedToTeamsLimitsAndNoTextOrEncodingFormat()
    {
        var c = new AnswerCitation(3, "s", new string('T', 300), ["A. Author", "B. Author"], new string('P', 300), "2024-05-01", "javascript:alert(1)",
            new string('L', 300), "Via Somebody");

        var json = JsonSerializer.SerializeToElement(AiMessage.Claim(c), TeamsJson.Context.CitationClaim).GetProperty("appearance");

        Assert.InRange(json.GetProperty("name").GetString()!.Length, 1, 80);
        Assert.InRange(json.GetProperty("abstract").GetString()!.Length, 1, 160);
        Assert.InRange(json.GetProperty("keywords").GetArrayLength(), 1, 3);
        Assert.False(json.TryGetProperty("url", out _)); // not an http(s) link
        Assert.False(json.TryGetProperty("text", out _));
        Assert.False(json.TryGetProperty("encodingFormat", out _));
    }

    [Fact]
    public void Text_CitationsNotInShortAnswer_SourcesLineGivesEveryMarker()
    {
        var answer = CardSamples.Full(items: 5);

        var text = AiMessage.Text(answer);

        Assert.StartsWith(answer.Text, text);
        Assert.EndsWith("Sources: [3] [4] [5]", text);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(40)]
    public void Problems_BuilderOutput_None(int items)
    {
        var reply = Reply(CardSamples.Full(items, textLength: 500) with { Phrased = true });

        Assert.Empty(AiMessage.Problems(reply));
        Assert.Single(reply.Entities!, e => e.Type == AiMessage.EntityType);
        Assert.Equal(Math.Min(items, AiMessage.MaxCitations), Wire(reply).GetProperty("entities")[0].GetProperty("citation").GetArrayLength());
    }

    [Fact]
    public void Problems_TwoRootMessageEntities_Reported()
    {
        var reply = Reply(CardSamples.Full());
        reply.Entities!.Add(AiMessage.For(CardSamples.Full() with { Phrased = true })!);

        Assert.Contains(AiMessage.Problems(reply), p => p.Contains("2 root"));
    }

    [Fact]
    public void Problems_InvalidEncodingFormat_Reported()
    {
        var reply = WithAppearance("""{"@type":"DigitalDocument","name":"Report","abstract":"A report","encodingFormat":"text/html"}""");

        Assert.Contains(AiMessage.Problems(reply), p => p.Contains("invalid encodingFormat"));
    }

    [Fact]
    public void Problems_TextWithoutAbstract_Reported()
    {
        var reply = WithAppearance("""{"@type":"DigitalDocument","name":"Report","text":"The whole report"}""");

        Assert.Contains(AiMessage.Problems(reply), p => p.Contains("appearance.text without abstract"));
    }

    [Fact]
    public void Problems_CardEncodingFormat_Accepted() =>
        Assert.Empty(AiMessage.Problems(WithAppearance(
            """{"@type":"DigitalDocument","name":"Report","abstract":"A report","encodingFormat":"application/vnd.microsoft.card.adaptive"}""")));

    private static Activity WithAppearance(string appearance)
    {
        var entity = JsonSerializer.Deserialize(
            $$"""{"type":"https://schema.org/Message","@type":"Message","@context":"https://schema.org","@id":"","citation":[{"@type":"Claim","position":1,"appearance":{{appearance}}}]}""",
            TeamsJson.Context.Entity)!;
        return new Activity { Type = "message", Text = "An answer [1]", Entities = [entity] };
    }
}
