namespace BalkanBot.Answers;

/// <summary>Optional: a model answers, from the knowledge functions, what the deterministic path answers poorly (see KernelAnswerer).</summary>
public interface IModelAnswerer
{
    bool Enabled { get; }
    /// <summary>The model's grounded answer, or null to keep <paramref name="deterministic"/>; <paramref name="why"/> is a <see cref="ModelRoute"/> reason.</summary>
    Task<Answer?> AnswerAsync(Question question, Answer deterministic, string why, CancellationToken cancellationToken);
}
