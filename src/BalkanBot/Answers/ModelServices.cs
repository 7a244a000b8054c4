using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace BalkanBot.Answers;

/// <summary>The optional model paths: options checked at start, the clients, the phraser and the knowledge-function answerer.</summary>
public static class ModelServices
{
    /// <summary>Registers the options, the clients and the phraser; phrasing stays off, and no client is built, until <c>Llm:Enabled</c> is set.</summary>
    public static IServiceCollection AddModel(this IServiceCollection services)
    {
        services.AddOptions<LlmOptions>().BindConfiguration(LlmOptions.Section).ValidateOnStart();
        services.AddSingleton<IPostConfigureOptions<LlmOptions>, LlmKeyFallback>();
        services.AddSingleton<IValidateOptions<LlmOptions>, LlmOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ModelClients>();
        services.TryAddSingleton<IAnswerPhraser, LlmPhraser>();
        return services;
    }

    /// <summary>
    /// Registers the knowledge-function answerer, the answer engine's optional <see cref="IModelAnswerer"/>, only when
    /// <c>Llm:Enabled</c> and <c>Llm:UseKnowledgeFunctions</c> are both on; otherwise the engine gets none.
    /// </summary>
    public static IServiceCollection AddKnowledgeFunctions(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(LlmOptions.Section);
        if (section.GetValue<bool>(nameof(LlmOptions.Enabled)) && section.GetValue<bool>(nameof(LlmOptions.UseKnowledgeFunctions)))
            services.TryAddSingleton<IModelAnswerer, KernelAnswerer>();
        return services;
    }
}
