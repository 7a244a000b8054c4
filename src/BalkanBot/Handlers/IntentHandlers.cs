using BalkanBot.Answers;

namespace BalkanBot.Handlers;

/// <summary>The handler for each intent. The engine takes them as <see cref="IIntentHandler"/>s and refuses two for one intent.</summary>
public static class IntentHandlers
{
    /// <summary>Registers every handler as an <see cref="IIntentHandler"/>.</summary>
    public static IServiceCollection AddIntentHandlers(this IServiceCollection services)
    {
        // The timeline handler answers a question about one event with its overview.
        services.AddSingleton<OverviewHandler>();
        services.AddSingleton<IIntentHandler>(sp => sp.GetRequiredService<OverviewHandler>());
        services.AddSingleton<IIntentHandler, DateHandler>();
        services.AddSingleton<IIntentHandler, PartiesHandler>();
        services.AddSingleton<IIntentHandler, FiguresHandler>();
        services.AddSingleton<IIntentHandler, CompareHandler>();
        services.AddSingleton<IIntentHandler, TimelineHandler>();
        services.AddSingleton<IIntentHandler, ListHandler>();
        services.AddSingleton<IIntentHandler, AnalysisHandler>();
        services.AddSingleton<IIntentHandler, SourcesHandler>();
        services.AddSingleton<IIntentHandler, HelpHandler>();
        services.AddSingleton<IIntentHandler, FeedbackHandler>();
        return services;
    }

    /// <summary>Every handler, for an engine built without a host: the command line, the evaluation, tests.</summary>
    public static IReadOnlyList<IIntentHandler> All()
    {
        var overview = new OverviewHandler();
        return [overview, new DateHandler(), new PartiesHandler(), new FiguresHandler(), new CompareHandler(), new TimelineHandler(overview),
            new ListHandler(), new AnalysisHandler(), new SourcesHandler(), new HelpHandler(), new FeedbackHandler()];
    }
}
