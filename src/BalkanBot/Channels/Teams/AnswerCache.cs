using System.Collections.Concurrent;
using BalkanBot.Answers;

namespace BalkanBot.Channels.Teams;

/// <summary>
/// Recent answers by id, so a button on an older card ("show more", sources, 👍) acts on that card's answer even
/// after newer questions. In memory and bounded: after a restart old buttons say the answer has expired.
/// </summary>
public sealed class AnswerCache
{
    public const int Capacity = 1000;
    private readonly ConcurrentDictionary<string, (Answer Answer, bool EchoQuestion)> _answers = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();

    /// <param name="echoQuestion">The card showed the question (a button's answer): a re-rendered card must too.</param>
    public string Add(Answer answer, bool echoQuestion = false)
    {
        var id = Guid.NewGuid().ToString("N")[..16];
        _answers[id] = (answer, echoQuestion);
        _order.Enqueue(id);
        while (_order.Count > Capacity && _order.TryDequeue(out var old)) _answers.TryRemove(old, out _);
        return id;
    }

    public Answer? Get(string? id) => id is not null && _answers.TryGetValue(id, out var a) ? a.Answer : null;

    public bool EchoesQuestion(string? id) => id is not null && _answers.TryGetValue(id, out var a) && a.EchoQuestion;
}
