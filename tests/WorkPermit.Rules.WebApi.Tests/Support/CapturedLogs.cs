using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace WorkPermit.Rules.WebApi.Tests.Support;

/// <summary>A logger provider that keeps every entry the application writes, for tests that check what is logged.
/// It adds no filter of its own: it sees what any provider would see under the application's configured levels.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    /// <summary>Gets the entries written so far, oldest first.</summary>
    public IReadOnlyList<LogEntry> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner._entries.Enqueue(new LogEntry(logLevel, category, eventId, formatter(state, exception), exception));
    }
}

/// <summary>One log entry: its level, category, event, formatted message and exception.</summary>
public sealed record LogEntry(LogLevel Level, string Category, EventId EventId, string Message, Exception? Exception)
{
    public override string ToString() => $"{Level} {Category}[{EventId}] {Message}{(Exception is null ? string.Empty : Environment.NewLine + Exception)}";
}
