namespace BalkanBot.Answers;

/// <summary>Optional: rewrites the short answer in fluent prose, checked against the records (see LlmPhraser).</summary>
public interface IAnswerPhraser
{
    bool Enabled { get; }
    Task<Answer> PhraseAsync(Answer answer, CancellationToken cancellationToken);
}
