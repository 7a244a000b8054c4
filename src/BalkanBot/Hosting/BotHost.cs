using BalkanBot.Answers;
using BalkanBot.Diagnostics;
using BalkanBot.Handlers;
using BalkanBot.Knowledge;
using BalkanBot.Storage;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace BalkanBot.Hosting;

/// <summary>Builds the web host: configuration, the knowledge base, the answer engine and every channel's endpoints.</summary>
public static class BotHost
{
    /// <summary>Largest request body any endpoint accepts; Bot Framework activities and Slack payloads are far smaller.</summary>
    public const long MaxRequestBytes = Channels.RequestBody.MaxBytes;

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var root = AppPaths.AppRoot();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = root });
        builder.Configuration.AddJsonFile(Path.Combine(root, "appsettings.json"), optional: true, reloadOnChange: false);
        builder.Configuration.AddEnvironmentVariables();
        builder.Configuration.AddUserSecrets(typeof(BotHost).Assembly, optional: true);
        builder.Configuration.AddCommandLine(args);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = MaxRequestBytes);
        builder.Services.Configure<FormOptions>(f => f.ValueLengthLimit = (int)MaxRequestBytes);
        builder.Services.AddProblemDetails();
        Listening.Add(builder);

        builder.Services.AddOptions<KnowledgeOptions>().BindConfiguration(KnowledgeOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<KnowledgeOptions>, KnowledgeOptionsValidator>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(sp => OpenKnowledge(sp.GetRequiredService<IOptions<KnowledgeOptions>>().Value, sp.GetRequiredService<IConfiguration>(),
            sp.GetRequiredService<ILoggerFactory>().CreateLogger("BalkanBot.Knowledge")));
        StorageServices.Add(builder);
        builder.Services.AddOptions<LlmOptions>().BindConfiguration(LlmOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<LlmOptions>, LlmOptionsValidator>();
        builder.Services.AddSingleton<IAnswerPhraser, LlmPhraser>();
        builder.Services.AddIntentHandlers();
        builder.Services.AddOptions<AnswerLogOptions>().BindConfiguration("Logging").ValidateOnStart();
        builder.Services.AddSingleton<AnswerLog>();
        builder.Services.AddSingleton<AnswerEngine>();
        builder.Services.AddBotHealthChecks();
        BotServices.Add(builder);
        configure?.Invoke(builder);

        var app = builder.Build();
        Listening.UseForwardedHeadersWhenConfigured(app);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        BotServices.Map(app);
        app.MapBotHealth();
        // Opened (and built on first start) now, so a broken knowledge base stops the start instead of the first question.
        _ = app.Services.GetRequiredService<KnowledgeBase>();
        return app;
    }

    private static KnowledgeBase OpenKnowledge(KnowledgeOptions options, IConfiguration configuration, ILogger log)
    {
        var folder = AppPaths.Resolve(options.Folder);
        var db = AppPaths.InData(configuration, options.Database);
        if (options.BuildOnStart && AppPaths.NeedsBuild(folder, db))
        {
            try
            {
                var result = KnowledgeBuilder.Build(folder, db);
                Log.KnowledgeBuilt(log, result.Records, (long)result.Elapsed.TotalMilliseconds, db);
            }
            catch (KnowledgeValidationException ex) when (File.Exists(db))
            {
                Log.KnowledgeBuildFailed(log, ex.Errors.Count, ex.Errors[0].ToString());
            }
        }
        var kb = KnowledgeBase.Open(db);
        // The passage index is built on first use; building it here keeps the first question as fast as the rest.
        _ = kb.Passages;
        return kb;
    }
}
