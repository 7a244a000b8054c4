using System.Collections.Concurrent;
using BalkanBot.Channels.Slack;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BalkanBot.Tests.Channels.Slack;

/// <summary>Fixed options for constructing Slack types without a host.</summary>
public sealed class FixedSlackOptions(SlackOptions value) : IOptionsMonitor<SlackOptions>, IOptions<SlackOptions>
{
    public SlackOptions CurrentValue => value;
    public SlackOptions Value => value;
    public SlackOptions Get(string? name) => value;
    public IDisposable? OnChange(Action<SlackOptions, string?> listener) => null;
}

/// <summary>Collects formatted log lines, to check what is (and is not) written.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<string> Lines { get; } = new();
    public ILogger CreateLogger(string categoryName) => new Logger(this);
    public void Dispose() { }

    private sealed class Logger(CapturingLoggerProvider owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Lines.Enqueue($"{logLevel} {eventId.Id} {formatter(state, exception)}");
    }
}
