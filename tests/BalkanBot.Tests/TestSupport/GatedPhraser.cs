using BalkanBot.Answers;

namespace BalkanBot.Tests.TestSupport;

/// <summary>Stands in for the LLM phraser: holds the answer until the test lets it go, and marks it as phrased.</summary>
internal sealed class GatedPhraser : IAnswerPhraser
{
    public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    public bool Enabled => true;

    public async Task<Answer> PhraseAsync(Answer answer, CancellationToken cancellationToken)
    {
        Entered.TrySetResult();
        await Release.Task.WaitAsync(cancellationToken);
        return answer with { Phrased = true };
    }
}
