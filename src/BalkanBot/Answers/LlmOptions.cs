using Microsoft.Extensions.Options;

namespace BalkanBot.Answers;

/// <summary>
/// The "Llm" section of appsettings.json: an OpenAI-compatible chat endpoint that may rephrase short answers.
/// The key is never read from configuration files, only from the environment, so it cannot be committed.
/// </summary>
public sealed class LlmOptions
{
    public const string Section = "Llm";
    public const string ApiKeyVariable = "Llm__ApiKey";
    public const string OpenAIApiKeyVariable = "OPENAI_API_KEY";

    public bool Enabled { get; set; }
    /// <summary>Base URL the SDK appends "chat/completions" to: https://api.openai.com/v1,
    /// https://RESOURCE.openai.azure.com/openai/v1, http://localhost:11434/v1 (Ollama), http://localhost:8000/v1 (vLLM).</summary>
    public string Endpoint { get; set; } = "https://api.openai.com/v1";
    /// <summary>Model name, or the deployment name on Azure OpenAI.</summary>
    public string Model { get; set; } = "";
    /// <summary>Whole budget for one phrasing, retries included; well inside Teams' 15-second reply window.</summary>
    public double TimeoutSeconds { get; set; } = 8;
    /// <summary>Retries the SDK may make inside the timeout (it retries 429 and 5xx with back-off).</summary>
    public int MaxRetries { get; set; } = 1;

    public TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSeconds);

    public Uri EndpointUri => Uri.TryCreate(Endpoint, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
        ? uri
        : throw new InvalidOperationException($"{Section}:Endpoint must be an absolute http(s) URL such as https://api.openai.com/v1, not '{Endpoint}'.");

    /// <summary>Llm__ApiKey, else OPENAI_API_KEY; local servers (Ollama, vLLM) on loopback need none.</summary>
    public string ApiKey(Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var key = environment(ApiKeyVariable);
        if (string.IsNullOrWhiteSpace(key)) key = environment(OpenAIApiKeyVariable);
        if (!string.IsNullOrWhiteSpace(key)) return key.Trim();
        if (EndpointUri.IsLoopback) return "unused"; // the SDK insists on a credential; local servers ignore it
        throw new InvalidOperationException(
            $"{Section}:Enabled is true but no API key is set: set the environment variable {ApiKeyVariable} (or {OpenAIApiKeyVariable}). Keys are never read from appsettings.json.");
    }

}

/// <summary>
/// When phrasing is enabled, fails the start on anything it could not run with, naming the key; the API key is looked
/// up in the environment (<paramref name="environment"/> in tests), never in configuration files.
/// </summary>
internal sealed class LlmOptionsValidator(Func<string, string?>? environment = null) : IValidateOptions<LlmOptions>
{
    public ValidateOptionsResult Validate(string? name, LlmOptions o)
    {
        if (!o.Enabled) return ValidateOptionsResult.Success;
        var errors = new List<string>();
        var section = LlmOptions.Section;
        if (!Uri.TryCreate(o.Endpoint, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            errors.Add($"{section}:Endpoint must be an absolute http(s) URL such as https://api.openai.com/v1, not '{o.Endpoint}'.");
        if (string.IsNullOrWhiteSpace(o.Model))
            errors.Add($"{section}:Model is required when {section}:Enabled is true (the model or Azure deployment name).");
        if (o.TimeoutSeconds is <= 0 or >= 15)
            errors.Add($"{section}:TimeoutSeconds must be more than 0 and less than 15 (Teams waits 15 s for a reply), not {o.TimeoutSeconds}.");
        if (o.MaxRetries is < 0 or > 5)
            errors.Add($"{section}:MaxRetries must be between 0 and 5, not {o.MaxRetries}.");
        if (errors.Count == 0)
        {
            try
            {
                _ = o.ApiKey(environment);
            }
            catch (InvalidOperationException ex)
            {
                errors.Add(ex.Message);
            }
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
