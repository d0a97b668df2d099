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

    [Fact]
    public async Task A_client_that_resets_a_unary_call_while_sending_it_leaves_no_error_in_the_log()
    {
        var recorder = new RecordingLoggerProvider();
        var data = Directory.CreateTempSubdirectory("kg-logging-").FullName;
        await using var host = new ServiceHost<EntitiesApiMarker>(data, null, services => services.AddSingleton<ILoggerProvider>(recorder));
        using var http = new HttpClient { BaseAddress = host.GrpcAddress };

        // Frames cut off after their first bytes and whole frames, each given up by the client at once or
        // within a few milliseconds, so HTTP/2 resets the stream at every point of the server's read.
        for (var call = 0; call < 200; call++)
        {
            using var giveUp = new CancellationTokenSource(TimeSpan.FromMilliseconds(call % 4));
            HttpContent content = call % 2 == 0 ? new StalledContent([0, 0, 0, 0, 100, 0x0A, 0x03, 0x61]) : new ByteArrayContent([0, 0, 0, 0, 3, 0x0A, 0x01, 0x61]);
            using var request = new HttpRequestMessage(HttpMethod.Post, "/knowledgegraph.v1.EntityService/GetEntity")
            {
                Content = content,
                Version = System.Net.HttpVersion.Version20,
                VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            };
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/grpc");
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", TestTokens.All);
            try
            {
                using var response = await http.SendAsync(request, giveUp.Token);
                await response.Content.ReadAsByteArrayAsync(giveUp.Token);
            }
            catch (OperationCanceledException)
            {
                // The point: the client gave up.
            }
        }
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        var entities = new EntityService.EntityServiceClient(host.Channel);
        await Assert.ThrowsAsync<global::Grpc.Core.RpcException>(async () => await entities.GetEntityAsync(new GetEntityRequest { Name = "entities/none" }));

        Assert.DoesNotContain(recorder.Lines, l => l.Level >= LogLevel.Error);
    }

    /// <summary>A request body that sends its first bytes and then nothing, until the call is cancelled.</summary>
    private sealed class StalledContent(byte[] start) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context, CancellationToken cancellationToken)
        {
            await stream.WriteAsync(start, cancellationToken);
            await stream.FlushAsync(cancellationToken);
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) =>
            SerializeToStreamAsync(stream, context, CancellationToken.None);

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
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
