namespace BalkanBot.Answers;

/// <summary>Optional: digest subscription commands typed in a conversation ("subscribe weekly Kosovo").</summary>
public interface ISubscriptionCommands
{
    Task<Answer> HandleAsync(Question question, string command, CancellationToken cancellationToken);
}
