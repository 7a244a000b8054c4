using System.ClientModel;
using System.Diagnostics;
using BalkanBot.Diagnostics;
using BalkanBot.Knowledge;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BalkanBot.Answers;

/// <summary>
/// Optional fluent phrasing of the short answer by an LLM. The model sees only the answer's own cited material,
/// and its reply is used only if every citation it gives is one of the answer's and every number or date it
/// states stands in a retrieved record. Anything else (a timeout, an error, an unsupported claim) keeps the
/// extractive answer, which is always correct on its own.
/// </summary>
public sealed partial class LlmPhraser : IAnswerPhraser, IDisposable
{
    private readonly IChatClient? _client;
    private readonly LlmOptions _options;
    private readonly KnowledgeBase _kb;
    private readonly ILogger _logger;

    /// <summary>Registered always; without Llm:Enabled it connects to nothing and phrases nothing.</summary>
    public LlmPhraser(IOptions<LlmOptions> options, KnowledgeBase kb, ILogger<LlmPhraser> logger)
        : this(options.Value.Enabled ? Connect(options.Value, logger, null) : null, options.Value, kb, logger)
    {
    }

    internal LlmPhraser(IChatClient? client, LlmOptions options, KnowledgeBase kb, ILogger<LlmPhraser>? logger = null)
    {
        _client = client;
        _options = options;
        _kb = kb;
        _logger = logger ?? NullLogger<LlmPhraser>.Instance;
    }

    /// <summary>The phraser for the configured endpoint; <paramref name="options"/> come from <see cref="LlmOptions.Read"/>.</summary>
    /// <summary>A phraser for these options, with the API key looked up in <paramref name="environment"/> (tests).</summary>
    internal static LlmPhraser Create(LlmOptions options, KnowledgeBase kb, ILogger<LlmPhraser>? logger = null, Func<string, string?>? environment = null) =>
        new(Connect(options, logger ?? NullLogger<LlmPhraser>.Instance, environment), options, kb, logger);

    private static OpenAIChatClient Connect(LlmOptions options, ILogger logger, Func<string, string?>? environment)
    {
        var endpoint = options.EndpointUri;
        var client = OpenAIChatClient.Create(endpoint, options.Model, options.ApiKey(environment), options.Timeout, options.MaxRetries);
        Log.LlmPhrasingEnabled(logger, options.Model, endpoint.Host, (long)options.Timeout.TotalMilliseconds);
        return client;
    }

    public bool Enabled => _options.Enabled && _client is not null;

    public async Task<Answer> PhraseAsync(Answer answer, CancellationToken cancellationToken)
    {
        if (_client is null || !answer.Answered || answer.Citations.Count == 0) return answer;
        var started = Stopwatch.GetTimestamp();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.Timeout);
        string reply;
        try
        {
            var response = await _client.GetResponseAsync(BuildPrompt(answer), PromptOptions, timeout.Token).ConfigureAwait(false);
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

    public void Dispose() => _client?.Dispose();
}
