using Microsoft.Extensions.Hosting;

namespace KnowledgeGraph.Application.Telemetry;

/// <summary>Feeds the registered <see cref="IGraphSizeSource"/> to the <c>kg.graph.resources</c> gauge while the host runs.</summary>
public sealed class GraphSizeReporter(IGraphSizeSource source) : IHostedService, IDisposable
{
    private IDisposable? _reporting;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _reporting = ApplicationTelemetry.ReportGraphSize(source);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _reporting?.Dispose();
        _reporting = null;
    }
}
