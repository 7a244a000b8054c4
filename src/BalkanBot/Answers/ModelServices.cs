using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace BalkanBot.Answers;

/// <summary>The optional model paths: options checked at start, the clients, the phraser and the knowledge-function answerer.</summary>
public static class ModelServices
{
    /// <summary>Registers everything; both paths stay off, and no client is built, until <c>Llm:Enabled</c> is set.</summary>
    public static IServiceCollection AddModel(this IServiceCollection services)
    {
        services.AddOptions<LlmOptions>().BindConfiguration(LlmOptions.Section).ValidateOnStart();
        services.AddSingleton<IPostConfigureOptions<LlmOptions>, LlmKeyFallback>();
        services.AddSingleton<IValidateOptions<LlmOptions>, LlmOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ModelClients>();
        services.TryAddSingleton<IAnswerPhraser, LlmPhraser>();
        services.TryAddSingleton<IModelAnswerer, KernelAnswerer>();
        return services;
    }
}
