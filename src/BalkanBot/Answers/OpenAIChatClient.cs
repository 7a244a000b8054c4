using System.ClientModel;
using System.ClientModel.Primitives;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using OpenAI;
using OpenAIChat = OpenAI.Chat;

namespace BalkanBot.Answers;

/// <summary>
/// <see cref="IChatClient"/> over the OpenAI SDK's chat client. Microsoft.Extensions.AI.OpenAI would supply this,
/// but only the abstractions are available to us; text chat is all the phraser needs, so the adapter stays small.
/// Works with any server that speaks the OpenAI chat-completions protocol (OpenAI, Azure OpenAI's v1 API,
/// Ollama, vLLM): the SDK posts to <c>{endpoint}/chat/completions</c>.
/// </summary>
public sealed class OpenAIChatClient : IChatClient
{
    private readonly OpenAIChat.ChatClient _chat;
    private readonly ChatClientMetadata _metadata;

    public OpenAIChatClient(OpenAIChat.ChatClient chat, Uri endpoint, string model)
    {
        _chat = chat;
        _metadata = new ChatClientMetadata("openai", endpoint, model);
    }

    /// <summary>A client for <paramref name="endpoint"/> whose SDK retries and network timeout stay inside our own budget.</summary>
    public static OpenAIChatClient Create(Uri endpoint, string model, string apiKey, TimeSpan networkTimeout, int maxRetries)
    {
        var options = new OpenAIClientOptions
        {
            Endpoint = endpoint,
            NetworkTimeout = networkTimeout,
            RetryPolicy = new ClientRetryPolicy(maxRetries),
        };
        return new OpenAIChatClient(new OpenAIChat.ChatClient(model, new ApiKeyCredential(apiKey), options), endpoint, model);
    }

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ClientResult<OpenAIChat.ChatCompletion> result =
            await _chat.CompleteChatAsync(ToOpenAI(messages), ToOpenAI(options), cancellationToken).ConfigureAwait(false);
        var completion = result.Value;
        var text = string.Concat(completion.Content.Where(p => p.Kind == OpenAIChat.ChatMessageContentPartKind.Text).Select(p => p.Text));
        return new ChatResponse(new ChatMessage(ChatRole.Assistant, text))
        {
            ResponseId = completion.Id,
            ModelId = completion.Model,
            CreatedAt = completion.CreatedAt,
            FinishReason = ToFinishReason(completion.FinishReason),
            Usage = completion.Usage is { } u
                ? new UsageDetails { InputTokenCount = u.InputTokenCount, OutputTokenCount = u.OutputTokenCount, TotalTokenCount = u.TotalTokenCount }
                : null,
            RawRepresentation = completion,
        };
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var updates = _chat.CompleteChatStreamingAsync(ToOpenAI(messages), ToOpenAI(options), cancellationToken);
        await foreach (var update in updates.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            var text = string.Concat(update.ContentUpdate.Where(p => p.Kind == OpenAIChat.ChatMessageContentPartKind.Text).Select(p => p.Text));
            yield return new ChatResponseUpdate(ChatRole.Assistant, text)
            {
                ResponseId = update.CompletionId,
                ModelId = update.Model,
                CreatedAt = update.CreatedAt,
                FinishReason = update.FinishReason is { } reason ? ToFinishReason(reason) : null,
                RawRepresentation = update,
            };
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceKey is not null) return null;
        if (serviceType == typeof(ChatClientMetadata)) return _metadata;
        if (serviceType.IsInstanceOfType(_chat)) return _chat;
        return serviceType.IsInstanceOfType(this) ? this : null;
    }

    public void Dispose()
    {
        // The SDK client holds no unmanaged state of its own; its pipeline's HttpClient is shared.
    }

    private static List<OpenAIChat.ChatMessage> ToOpenAI(IEnumerable<ChatMessage> messages)
    {
        var list = new List<OpenAIChat.ChatMessage>();
        foreach (var m in messages)
        {
            if (m.Role == ChatRole.System) list.Add(new OpenAIChat.SystemChatMessage(m.Text));
            else if (m.Role == ChatRole.User) list.Add(new OpenAIChat.UserChatMessage(m.Text));
            else if (m.Role == ChatRole.Assistant) list.Add(new OpenAIChat.AssistantChatMessage(m.Text));
            else throw new NotSupportedException($"Chat role '{m.Role}' is not supported by this adapter (text chat only).");
        }
        return list;
    }

    private static OpenAIChat.ChatCompletionOptions? ToOpenAI(ChatOptions? options)
    {
        if (options is null) return null;
        var result = new OpenAIChat.ChatCompletionOptions
        {
            Temperature = options.Temperature,
            TopP = options.TopP,
            MaxOutputTokenCount = options.MaxOutputTokens,
            FrequencyPenalty = options.FrequencyPenalty,
            PresencePenalty = options.PresencePenalty,
        };
        foreach (var stop in options.StopSequences ?? []) result.StopSequences.Add(stop);
        return result;
    }

    private static ChatFinishReason? ToFinishReason(OpenAIChat.ChatFinishReason reason) => reason switch
    {
        OpenAIChat.ChatFinishReason.Stop => ChatFinishReason.Stop,
        OpenAIChat.ChatFinishReason.Length => ChatFinishReason.Length,
        OpenAIChat.ChatFinishReason.ContentFilter => ChatFinishReason.ContentFilter,
        OpenAIChat.ChatFinishReason.ToolCalls or OpenAIChat.ChatFinishReason.FunctionCall => ChatFinishReason.ToolCalls,
        _ => null,
    };
}
