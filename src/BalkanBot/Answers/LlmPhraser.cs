using System.ClientModel;
using System.Diagnostics;
using BalkanBot.Diagnostics;
using BalkanBot.Knowledge;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace BalkanBot.Answers;

/// <summary>
/// Optional fluent phrasing of the short answer by an LLM. The model sees only the answer's own cited material,
/// and its reply is used only if every citation it gives is one of the answer's and every number or date it
/// states stands in a retrieved record. Anything else (a timeout, an error, an unsupported claim) keeps the
/// extractive answer, which is always correct on its own.
/// </summary>
public sealed partial class LlmPhraser : IAnswerPhraser
{
    private readonly ModelClients _clients;
    private readonly LlmOptions _options;
    private readonly KnowledgeBase _kb;
    private readonly ILogger _logger;

    public LlmPhraser(ModelClients clients, IOptions<LlmOptions> options, KnowledgeBase kb, ILogger<LlmPhraser> logger)
    {
        _clients = clients;
        _options = options.Value;
        _kb = kb;
        _logger = logger;
        if (_options.Enabled) Log.LlmPhrasingEnabled(_logger, _options.Model, _options.EndpointUri.Host, (long)_options.Timeout.TotalMilliseconds);
    }

    public bool Enabled => _options.Enabled;

    public async Task<Answer> PhraseAsync(Answer answer, CancellationToken cancellationToken)
    {
        if (!answer.Answered || answer.Citations.Count == 0) return answer;
        var started = Stopwatch.GetTimestamp();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.Timeout);
        string reply;
        try
        {
            var response = await _clients.ChatClient.GetResponseAsync(BuildPrompt(answer), PromptOptions, timeout.Token).ConfigureAwait(false);
            reply = response.Text;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Log.LlmPhrasingRejected(_logger, "timed out", answer.Intent.ToString(), Elapsed(started));
            return answer;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The exception message can carry the server's response body; the type and status say enough.
            Log.LlmPhrasingFailed(_logger, ex.GetType().Name, (ex as ClientResultException)?.Status ?? 0, answer.Intent.ToString(), Elapsed(started));
            return answer;
        }

        var (text, reason) = Validate(reply, answer, AllowedFacts.From(answer, _kb));
        if (reason is not null)
        {
            Log.LlmPhrasingRejected(_logger, reason, answer.Intent.ToString(), Elapsed(started));
            return answer;
        }
        Log.LlmPhrasingAccepted(_logger, answer.Intent.ToString(), Elapsed(started));
        return answer with { Text = text, Phrased = true };
    }

    private static long Elapsed(long started) => (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
}
