using System.Collections.Concurrent;
using Entities.Api;
using KnowledgeGraph.FunctionalTests.Infrastructure;
using KnowledgeGraph.V1;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KnowledgeGraph.TelemetryTests;

/// <summary>Per-request log lines stay out of the default output (the traces carry them), and configuration can bring them back.</summary>
public sealed class RequestLoggingTests
{
    [Fact]
    public async Task Calls_write_no_per_request_lines_at_the_default_levels()
    {
        var lines = await LinesWrittenByCallsAsync(settings: null);

        Assert.DoesNotContain(lines, l => PerRequest(l.Category) && l.Level < LogLevel.Warning);
        Assert.Contains(("Microsoft.Hosting.Lifetime", LogLevel.Information), lines); // other Information lines (here: shutting down) still show
    }

    [Fact]
    public async Task Configuration_can_turn_the_per_request_lines_back_on()
    {
        var lines = await LinesWrittenByCallsAsync(new Dictionary<string, string> { ["Logging:LogLevel:Microsoft.AspNetCore"] = "Information" });

        Assert.True(lines.Count(l => PerRequest(l.Category) && l.Level == LogLevel.Information) >= 20, string.Join("\n", lines.Select(l => l.Category)));
    }

    private static bool PerRequest(string category) =>
        category.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) && category != "Microsoft.AspNetCore.DataProtection.KeyManagement.XmlKeyManager"
        || category.StartsWith("Grpc", StringComparison.Ordinal);

    private static async Task<IReadOnlyList<(string Category, LogLevel Level)>> LinesWrittenByCallsAsync(IReadOnlyDictionary<string, string>? settings)
    {
        var recorder = new RecordingLoggerProvider();
        var data = Directory.CreateTempSubdirectory("kg-logging-").FullName;
        await using (var host = new ServiceHost<EntitiesApiMarker>(data, settings, services => services.AddSingleton<ILoggerProvider>(recorder)))
        {
            recorder.Clear(); // start-up is not a request
            var entities = new EntityService.EntityServiceClient(host.Channel);
            await entities.CreateEntityAsync(new CreateEntityRequest { EntityId = "narnia", Entity = TestData.Country("narnia") });
            for (var i = 0; i < 10; i++) await entities.GetEntityAsync(new GetEntityRequest { Name = "entities/narnia" });
            using var http = host.CreateHttpClient();
            for (var i = 0; i < 10; i++) (await http.GetAsync("/v1/entities/narnia")).EnsureSuccessStatusCode();
        }
        return recorder.Lines;
    }

    private sealed class RecordingLoggerProvider : ILoggerProvider
    {
        private readonly ConcurrentQueue<(string, LogLevel)> _lines = new();

        public IReadOnlyList<(string Category, LogLevel Level)> Lines => [.. _lines];

        public void Clear() => _lines.Clear();

        public ILogger CreateLogger(string categoryName) => new Recorder(categoryName, _lines);

        public void Dispose() { }

        private sealed class Recorder(string category, ConcurrentQueue<(string, LogLevel)> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue((category, logLevel));
        }
    }
}
