using System.Collections.Concurrent;
using BalkanBot.Answers;
using BalkanBot.Handlers;
using BalkanBot.Tests.TestSupport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BalkanBot.Tests.Answers;

/// <summary>One structured line per answer, and the user's message only when Logging:IncludeMessageText allows it.</summary>
public sealed class AnswerLogTests(SeedKnowledge seed) : IClassFixture<SeedKnowledge>
{
    private const string QuestionText = "What is the Tirana Declaration?";

    private sealed class StructuredLogger : ILogger<AnswerLog>
    {
        public ConcurrentQueue<(LogLevel Level, string Message, IReadOnlyDictionary<string, object?> Fields)> Entries { get; } = new();
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Enqueue((logLevel, formatter(state, exception),
                (state as IEnumerable<KeyValuePair<string, object?>> ?? []).ToDictionary(kv => kv.Key, kv => kv.Value)));
    }

    private async Task<(LogLevel Level, string Message, IReadOnlyDictionary<string, object?> Fields)> AnswerOnceAsync(bool includeText)
    {
        var logger = new StructuredLogger();
        var log = new AnswerLog(logger, Options.Create(new AnswerLogOptions { IncludeMessageText = includeText }));
        var engine = new AnswerEngine(seed.Kb, IntentHandlers.All(), log: log);

        var answer = await engine.AnswerAsync(new Question(QuestionText, "teams", "conv-1"));

        Assert.True(answer.Answered);
        return Assert.Single(logger.Entries);
    }

    [Fact]
    public async Task AnswerAsync_Default_OneInformationLineWithFieldsAndNoMessageText()
    {
        var (level, message, fields) = await AnswerOnceAsync(includeText: false);

        Assert.Equal(LogLevel.Information, level);
        Assert.Equal("teams", fields["Channel"]);
        Assert.Equal("Overview", fields["Intent"]);
        Assert.Equal(true, fields["Answered"]);
        Assert.IsType<long>(fields["Milliseconds"]);
        Assert.True((int)fields["RecordCount"]! > 0);
        Assert.DoesNotContain("MessageText", fields.Keys);
        Assert.DoesNotContain("Tirana", message);
    }

    [Fact]
    public async Task AnswerAsync_IncludeMessageText_LineCarriesTheMessage()
    {
        var (_, message, fields) = await AnswerOnceAsync(includeText: true);

        Assert.Equal(QuestionText, fields["MessageText"]);
        Assert.Contains(QuestionText, message);
    }
}
