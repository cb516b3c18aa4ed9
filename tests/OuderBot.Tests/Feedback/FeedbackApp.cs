using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OuderBot.Tests.Infrastructure;

namespace OuderBot.Tests.Feedback;

/// <summary>Helpers for the feedback tests: the office's endpoints with its key, and the host's log lines.</summary>
public static class FeedbackApp
{
    public const string ApiKey = "office-secret";
    public const string SchoolKey = "driehoek-secret";

    /// <summary>The office's keys (board and De Driehoek's own), and a sink for the log lines.</summary>
    public static BotApp Create(LogLines logs, IDictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Admin:ApiKey"] = ApiKey,
            ["Admin:SchoolKeys:de-driehoek"] = SchoolKey,
        };
        foreach (var (key, value) in more ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        // The log lines are what an operator reads: the tests check what they hold and leave out.
        return new BotApp(settings: settings, services: s => s.AddSingleton<ILoggerProvider>(logs));
    }

    public static async Task<HttpResponseMessage> GetAsOfficeAsync(this BotApp app, string path, string key = ApiKey)
    {
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        // The board's key reaches both demo schools: it names De Driehoek.
        return await client.GetAsync(key == ApiKey ? path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "school=de-driehoek" : path);
    }

    /// <summary>GET /api/admin/feedback as the office: every piece of feedback of the days asked.</summary>
    public static async Task<List<JsonElement>> FeedbackAsync(this BotApp app, string query = "from=2026-11-24&to=2026-11-24")
    {
        var response = await app.GetAsOfficeAsync("/api/admin/feedback?" + query);
        Assert.True(response.IsSuccessStatusCode, $"GET /api/admin/feedback answered {(int)response.StatusCode}");
        return [.. (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray()];
    }
}

/// <summary>Every log line the host writes, formatted, with its properties.</summary>
public sealed class LogLines : ILoggerProvider
{
    private readonly ConcurrentQueue<(string Category, string Text, IReadOnlyList<KeyValuePair<string, object?>> Properties)> _lines = new();

    public IReadOnlyList<(string Category, string Text, IReadOnlyList<KeyValuePair<string, object?>> Properties)> All => [.. _lines];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<(string, string, IReadOnlyList<KeyValuePair<string, object?>>)> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                lines.Enqueue((category, formatter(state, exception), state as IReadOnlyList<KeyValuePair<string, object?>> ?? []));
            }
        }
    }
}
