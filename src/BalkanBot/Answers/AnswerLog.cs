using BalkanBot.Diagnostics;
using BalkanBot.Hosting;
using Microsoft.Extensions.Options;

namespace BalkanBot.Answers;

/// <summary>"Logging" section: whether the per-answer log line may carry the user's message.</summary>
public sealed class AnswerLogOptions
{
    /// <summary>Off by default: questions can hold names and other personal data.</summary>
    public bool IncludeMessageText { get; set; }
}

/// <summary>One structured line per answer: channel, intent, answered, milliseconds, records; the message only when allowed.</summary>
public sealed class AnswerLog(ILogger<AnswerLog> logger, IOptions<AnswerLogOptions> options)
{
    public void Answered(Question question, Answer answer, TimeSpan elapsed)
    {
        var ms = (long)elapsed.TotalMilliseconds;
        if (options.Value.IncludeMessageText)
            Log.AnsweredWithText(logger, question.Channel, answer.Intent.ToString(), answer.Answered, ms, answer.RecordIds.Count, question.Text);
        else
            Log.Answered(logger, question.Channel, answer.Intent.ToString(), answer.Answered, ms, answer.RecordIds.Count);
    }
}
