using System.ClientModel;
using System.ClientModel.Primitives;
using Azure.AI.OpenAI;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using OpenAI;

namespace BalkanBot.Answers;

/// <summary>
/// The configured model, as Microsoft.Extensions.AI's <see cref="IChatClient"/> for phrasing and as a Semantic Kernel
/// <see cref="Microsoft.SemanticKernel.Kernel"/> for answering through the knowledge functions. Both sit on one SDK client
/// (OpenAI's, or Azure OpenAI's for a deployment) whose retries and network timeout stay inside our own budget.
/// Nothing is built until a model path first asks, so a bot without a model never touches these types.
/// </summary>
public sealed class ModelClients : IDisposable
{
    private readonly Lazy<OpenAIClient> _sdk;
    private readonly Lazy<IChatClient> _chat;
    private readonly Lazy<Kernel> _kernel;

    public ModelClients(IOptions<LlmOptions> options)
    {
        var o = options.Value;
        _sdk = new(() => CreateSdkClient(o));
        _chat = new(() => _sdk.Value.GetChatClient(o.Model).AsIChatClient());
        _kernel = new(() =>
        {
            var builder = Kernel.CreateBuilder();
            if (_sdk.Value is AzureOpenAIClient azure) builder.AddAzureOpenAIChatCompletion(o.Model, azure);
            else builder.AddOpenAIChatCompletion(o.Model, _sdk.Value);
            return builder.Build();
        });
    }

    public IChatClient ChatClient => _chat.Value;

    /// <summary>The kernel with the chat service and no plugins: each answer clones it and adds its own knowledge plugin.</summary>
    public Kernel Kernel => _kernel.Value;

    private static OpenAIClient CreateSdkClient(LlmOptions o)
    {
        var endpoint = o.EndpointUri;
        var key = new ApiKeyCredential(o.Credential);
        // The SDK's own network timeout is the whole budget; our cancellation usually ends the call first.
        var timeout = o.Timeout > o.FunctionsTimeout ? o.Timeout : o.FunctionsTimeout;
        if (o.Provider == LlmProvider.AzureOpenAI)
            return new AzureOpenAIClient(endpoint, key, new AzureOpenAIClientOptions { NetworkTimeout = timeout, RetryPolicy = new ClientRetryPolicy(o.MaxRetries) });
        return new OpenAIClient(key, new OpenAIClientOptions { Endpoint = endpoint, NetworkTimeout = timeout, RetryPolicy = new ClientRetryPolicy(o.MaxRetries) });
    }

    public void Dispose()
    {
        if (_chat.IsValueCreated) _chat.Value.Dispose();
    }
}
