using BalkanBot.Answers;
using BalkanBot.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BalkanBot.Tests.Answers;

/// <summary>The "Llm" options as the host binds and checks them, and the rule that sends a question to the model.</summary>
public sealed class ModelOptionsTests
{
    [Fact]
    public void Options_Disabled_NeedNothingElse()
    {
        var options = Resolve(new() { ["Llm:Enabled"] = "false" });

        Assert.False(options.Enabled);
        Assert.False(options.FunctionsEnabled);
    }

    [Fact]
    public void Options_EnabledWithoutKey_FailNamingTheVariable()
    {
        var ex = Assert.Throws<OptionsValidationException>(() => Resolve(new()
        {
            ["Llm:Enabled"] = "true",
            ["Llm:Endpoint"] = "https://api.openai.com/v1",
            ["Llm:Model"] = "gpt-4o-mini",
        }));

        Assert.Contains(LlmOptions.ApiKeyVariable, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("OpenAI", LlmOptions.OpenAIApiKeyVariable)]
    [InlineData("AzureOpenAI", LlmOptions.AzureApiKeyVariable)]
    public void Options_ProviderKeyVariable_IsTheFallback(string provider, string variable)
    {
        var options = Resolve(new()
        {
            ["Llm:Enabled"] = "true",
            ["Llm:Provider"] = provider,
            ["Llm:Endpoint"] = "https://example.openai.azure.com/",
            ["Llm:Model"] = "gpt-4o-mini",
            [variable] = "from-the-environment",
        });

        Assert.Equal("from-the-environment", options.ApiKey);
    }

    [Fact]
    public void Options_KeyInAppSettings_Refused()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("balkanbot-llm-").FullName, "appsettings.json");
        File.WriteAllText(file, """{ "Llm": { "ApiKey": "sk-committed" } }""");

        var ex = Assert.Throws<OptionsValidationException>(() => Resolve(new(), file));

        Assert.Contains("appsettings.json", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("sk-committed", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_FunctionsWithoutModel_Refused()
    {
        var ex = Assert.Throws<OptionsValidationException>(() => Resolve(new() { ["Llm:UseKnowledgeFunctions"] = "true" }));

        Assert.Contains("Llm:Enabled", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("MaxFunctionCalls", "0")]
    [InlineData("FunctionsTimeoutSeconds", "20")]
    [InlineData("TimeoutSeconds", "0")]
    [InlineData("Endpoint", "not a url")]
    public void Options_OutOfRange_FailNamingTheKey(string key, string value)
    {
        var ex = Assert.Throws<OptionsValidationException>(() => Resolve(new()
        {
            ["Llm:Enabled"] = "true",
            ["Llm:UseKnowledgeFunctions"] = "true",
            ["Llm:Model"] = "gpt-4o-mini",
            ["Llm:ApiKey"] = "k",
            [$"Llm:{key}"] = value,
        }));

        Assert.Contains($"Llm:{key}", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("true", "true", true)]
    [InlineData("true", "false", false)]
    [InlineData("false", "false", false)]
    public void KnowledgeFunctions_RegisteredOnlyWhenConfigured(string enabled, string functions, bool registered)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Llm:Enabled"] = enabled,
            ["Llm:UseKnowledgeFunctions"] = functions,
        }).Build();

        var services = new ServiceCollection().AddKnowledgeFunctions(configuration);

        Assert.Equal(registered, services.Any(d => d.ServiceType == typeof(IModelAnswerer)));
    }

    [Theory]
    [InlineData("What is the weather in Skopje?", false, IntentKind.Overview, false, ModelRoute.Declined)]
    [InlineData("When was it signed? Who signed it?", true, IntentKind.Date, false, ModelRoute.MultiPart)]
    [InlineData("How does Serbia differ from Croatia on Kosovo?", true, IntentKind.Overview, false, ModelRoute.Contrast)]
    [InlineData("Compare Serbia and Croatia", true, IntentKind.Compare, true, null)]
    [InlineData("When was the Tirana Declaration signed?", true, IntentKind.Date, false, null)]
    [InlineData("help", false, IntentKind.Help, false, null)]
    public void Why_DeterministicAnswer_SendsOnlyWeakOnes(string text, bool answered, IntentKind intent, bool table, string? expected)
    {
        var answer = new Answer
        {
            Question = text,
            Answered = answered,
            Intent = intent,
            Title = "t",
            Text = "x",
            Comparison = table ? new ComparisonTable(["a", "b"], []) : null,
        };

        Assert.Equal(expected, ModelRoute.Why(MessageReader.Read(text), answer));
    }

    private static LlmOptions Resolve(Dictionary<string, string?> values, string? settingsFile = null)
    {
        var builder = new ConfigurationBuilder();
        if (settingsFile is not null) builder.AddJsonFile(settingsFile);
        var configuration = builder.AddInMemoryCollection(values).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        services.AddModel();
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<LlmOptions>>().Value;
    }
}
