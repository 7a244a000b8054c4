using System.Text.Json;
using BalkanBot.Answers;
using BalkanBot.Cards;

namespace BalkanBot.Channels.Teams;

/// <summary>
/// The "Ask BalkanBot" search message extension: a query typed in the compose box or the command box becomes up to
/// <see cref="MaxResults"/> insertable answer cards (the answer, then answers to its follow-up questions), each with a
/// title-and-one-line preview. Teams waits 5 s for the result, so answers are the extractive ones (no language
/// model) and the search stops adding results at <see cref="Budget"/>.
/// </summary>
public sealed partial class ComposeSearch(AnswerEngine engine, TimeProvider clock)
{
    public const int MaxResults = 5;
    public const int MaxQueryChars = 500;
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(3.5);
    public const string Channel = "teams-compose";

    /// <summary>The query text from <c>value.parameters</c>; "" for the initial run or an empty box; null when the value is not a query.</summary>
    public static string? ReadQuery(JsonElement? value)
    {
        if (value is not { ValueKind: JsonValueKind.Object } v) return null;
        if (!v.TryGetProperty("parameters", out var parameters) || parameters.ValueKind != JsonValueKind.Array) return "";
        foreach (var p in parameters.EnumerateArray())
        {
            if (p.ValueKind != JsonValueKind.Object) continue;
            // Teams sends initialRun=true when the extension opens, before anything is typed.
            if (p.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String && name.GetString() == "initialRun") return "";
            if (p.TryGetProperty("value", out var text) && text.ValueKind == JsonValueKind.String) return text.GetString()!.Trim();
        }
        return "";
    }

    public async Task<MessagingExtensionResponse> SearchAsync(string query, string? userId, CancellationToken cancellationToken)
    {
        if (query.Length == 0) return Result([Help()]);
        if (query.Length > MaxQueryChars) query = query[..MaxQueryChars];
        var started = clock.GetTimestamp();
        var conversation = "compose:" + (userId ?? "anonymous");
        Answer first;
        try
        {
            first = await Task.Run(() => engine.Answer(new Question(query, Channel, conversation, userId)), cancellationToken)
                .WaitAsync(Budget, clock, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Better a result that says so than Teams' own "something went wrong" after 5 s.
            return Result([Attachment(AdaptiveCardRenderer.Notice("That took too long", "Try a shorter or more specific question."),
                "That took too long", "Try a shorter or more specific question.")]);
        }
        var answers = new List<Answer> { first };
        foreach (var followUp in first.Answered ? first.FollowUps.Where(f => !string.IsNullOrWhiteSpace(f)).Distinct() : [])
        {
            if (answers.Count >= MaxResults || clock.GetElapsedTime(started) > Budget) break;
            // A fresh conversation per follow-up: it must read as its own question, not as a follow-up of the last one.
            var next = await Task.Run(() => engine.Answer(new Question(followUp, Channel, $"{conversation}:{answers.Count}", userId)), cancellationToken).ConfigureAwait(false);
            if (next.Answered) answers.Add(next);
        }
        return Result([.. answers.Select(Item)]);
    }

    private static MessagingExtensionAttachment Item(Answer answer) =>
        Attachment(AdaptiveCardRenderer.Render(answer, new CardRenderOptions(NativeFeedback: true)), answer.Title, FirstLine(answer.Text));

    private static MessagingExtensionAttachment Help()
    {
        var card = AdaptiveCardRenderer.Notice("Ask BalkanBot", "Type a question on Balkan security; pick an answer to insert it, sources included. For example:", ExampleQuestions.All);
        return Attachment(card, "Ask BalkanBot", "Type a question, e.g. " + ExampleQuestions.All[0]);
    }

    private static MessagingExtensionAttachment Attachment(AdaptiveCard card, string title, string text) => new()
    {
        ContentType = Channels.Teams.Attachment.AdaptiveCardType,
        Content = AdaptiveCardJson.ToElement(card),
        Preview = new Attachment
        {
            ContentType = ThumbnailCard.ContentType,
            Content = JsonSerializer.SerializeToElement(new ThumbnailCard { Title = AdaptiveCardRenderer.Clip(title, 80), Text = AdaptiveCardRenderer.Clip(text, 120) },
                TeamsJson.Context.ThumbnailCard),
        },
    };

    /// <summary>The first line of the answer, citation markers left out: a preview shows no sources.</summary>
    private static string FirstLine(string text)
    {
        var line = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "";
        return Markers().Replace(line, "").Trim();
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\s*\[\d+\]")]
    private static partial System.Text.RegularExpressions.Regex Markers();

    private static MessagingExtensionResponse Result(List<MessagingExtensionAttachment> items) =>
        new() { ComposeExtension = new MessagingExtensionResult { Attachments = items } };
}
