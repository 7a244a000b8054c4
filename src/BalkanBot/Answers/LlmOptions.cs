using Microsoft.Extensions.Options;

namespace BalkanBot.Answers;

/// <summary>Which service speaks for the model: any OpenAI-compatible server, or Azure OpenAI with a deployment.</summary>
public enum LlmProvider { OpenAI, AzureOpenAI }

/// <summary>
/// The "Llm" section of appsettings.json: an optional chat model that may rephrase short answers and, separately,
/// answer hard questions through the knowledge functions. Both are off by default. The key is never read from
/// appsettings.json, only from the environment (<c>Llm__ApiKey</c>, <c>OPENAI_API_KEY</c>,
/// <c>AZURE_OPENAI_API_KEY</c>) or user secrets (<c>Llm:ApiKey</c>), so it cannot be committed.
/// </summary>
public sealed class LlmOptions
{
    public const string Section = "Llm";
    public const string ApiKeyVariable = "Llm__ApiKey";
    public const string OpenAIApiKeyVariable = "OPENAI_API_KEY";
    public const string AzureApiKeyVariable = "AZURE_OPENAI_API_KEY";

    /// <summary>A model is configured and may phrase short answers.</summary>
    public bool Enabled { get; set; }
    /// <summary>Also let the model answer, through the read-only knowledge functions, the questions the deterministic path answers poorly.</summary>
    public bool UseKnowledgeFunctions { get; set; }
    public LlmProvider Provider { get; set; } = LlmProvider.OpenAI;
    /// <summary>OpenAI: the base URL the SDK appends "chat/completions" to (https://api.openai.com/v1, http://localhost:11434/v1
    /// for Ollama). Azure OpenAI: the resource URL, https://RESOURCE.openai.azure.com/.</summary>
    public string Endpoint { get; set; } = "https://api.openai.com/v1";
    /// <summary>Model name, or the deployment name on Azure OpenAI.</summary>
    public string Model { get; set; } = "";
    /// <summary>Whole budget for one phrasing, retries included; well inside Teams' 15-second reply window.</summary>
    public double TimeoutSeconds { get; set; } = 8;
    /// <summary>Whole budget for one answer through the knowledge functions, every round trip included.</summary>
    public double FunctionsTimeoutSeconds { get; set; } = 12;
    /// <summary>Function calls one answer may make; a model that asks for more is stopped and its answer rejected.</summary>
    public int MaxFunctionCalls { get; set; } = 4;
    /// <summary>Retries the SDK may make inside the timeout (it retries 429 and 5xx with back-off).</summary>
    public int MaxRetries { get; set; } = 1;
    /// <summary>From the environment or user secrets only; <see cref="LlmOptionsValidator"/> refuses one in appsettings.json.</summary>
    public string? ApiKey { get; set; }

    public TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSeconds);
    public TimeSpan FunctionsTimeout => TimeSpan.FromSeconds(FunctionsTimeoutSeconds);
    public bool FunctionsEnabled => Enabled && UseKnowledgeFunctions;

    public Uri EndpointUri => Uri.TryCreate(Endpoint, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
        ? uri
        : throw new InvalidOperationException($"{Section}:Endpoint must be an absolute http(s) URL such as https://api.openai.com/v1, not '{Endpoint}'.");

    /// <summary>The key, or a placeholder for local servers (Ollama, vLLM) on loopback, which need none.</summary>
    public string Credential => !string.IsNullOrWhiteSpace(ApiKey) ? ApiKey.Trim()
        : EndpointUri.IsLoopback ? "unused" // the SDK insists on a credential; local servers ignore it
        : throw new InvalidOperationException(MissingKey);

    internal string MissingKey =>
        $"{Section}:Enabled is true but no API key is set: set the environment variable {ApiKeyVariable} (or {(Provider == LlmProvider.AzureOpenAI ? AzureApiKeyVariable : OpenAIApiKeyVariable)}), or the user secret {Section}:ApiKey. Keys are never read from appsettings.json.";
}

/// <summary>Takes the provider's usual key variable when <c>Llm:ApiKey</c> is not set.</summary>
internal sealed class LlmKeyFallback(IConfiguration configuration) : IPostConfigureOptions<LlmOptions>
{
    public void PostConfigure(string? name, LlmOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.ApiKey)) return;
        options.ApiKey = configuration[options.Provider == LlmProvider.AzureOpenAI ? LlmOptions.AzureApiKeyVariable : LlmOptions.OpenAIApiKeyVariable];
    }
}

/// <summary>Fails the start, naming the key, on anything the model paths could not run with; nothing is checked while they are off.</summary>
internal sealed class LlmOptionsValidator(IConfiguration configuration) : IValidateOptions<LlmOptions>
{
    public ValidateOptionsResult Validate(string? name, LlmOptions o)
    {
        const string S = LlmOptions.Section;
        if (KeyInSettingsFile(configuration) is { } file)
            return ValidateOptionsResult.Fail($"{S}:ApiKey is set in {file}; keys are read only from the environment ({LlmOptions.ApiKeyVariable}) or user secrets. Remove it from the file.");
        if (o.UseKnowledgeFunctions && !o.Enabled)
            return ValidateOptionsResult.Fail($"{S}:UseKnowledgeFunctions needs {S}:Enabled (and a model) as well.");
        if (!o.Enabled) return ValidateOptionsResult.Success;
        var failures = new List<string>();
        if (!Uri.TryCreate(o.Endpoint, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            failures.Add($"{S}:Endpoint must be an absolute http(s) URL such as https://api.openai.com/v1, not '{o.Endpoint}'.");
        else if (string.IsNullOrWhiteSpace(o.ApiKey) && !uri.IsLoopback)
            failures.Add(o.MissingKey);
        if (string.IsNullOrWhiteSpace(o.Model))
            failures.Add($"{S}:Model is required when {S}:Enabled is true (the model or Azure deployment name).");
        if (o.TimeoutSeconds is <= 0 or >= 15)
            failures.Add($"{S}:TimeoutSeconds must be more than 0 and less than 15 (Teams waits 15 s for a reply), not {o.TimeoutSeconds}.");
        if (o.FunctionsTimeoutSeconds is <= 0 or >= 15)
            failures.Add($"{S}:FunctionsTimeoutSeconds must be more than 0 and less than 15 (Teams waits 15 s for a reply), not {o.FunctionsTimeoutSeconds}.");
        if (o.MaxFunctionCalls is < 1 or > 10)
            failures.Add($"{S}:MaxFunctionCalls must be between 1 and 10, not {o.MaxFunctionCalls}.");
        if (o.MaxRetries is < 0 or > 5)
            failures.Add($"{S}:MaxRetries must be between 0 and 5, not {o.MaxRetries}.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>The settings file that holds Llm:ApiKey, if any: a key there would end up in the repository or the image.</summary>
    private static string? KeyInSettingsFile(IConfiguration configuration) =>
        (configuration as IConfigurationRoot)?.Providers.OfType<FileConfigurationProvider>()
            .Where(p => Path.GetFileName(p.Source.Path ?? "").StartsWith("appsettings", StringComparison.OrdinalIgnoreCase))
            .FirstOrDefault(p => p.TryGet($"{LlmOptions.Section}:ApiKey", out var v) && !string.IsNullOrWhiteSpace(v))?.Source.Path;
}
