using KnowledgeGraph.Application.Telemetry;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Microsoft.Extensions.DependencyInjection;

public static class ApplicationTelemetryServiceCollectionExtensions
{
    /// <summary>
    /// Reports the graph's size on the <c>kg.graph.resources</c> gauge, from the <see cref="IGraphSizeSource"/>
    /// registered before this call, else from <see cref="StoreGraphSize"/>. Safe to call more than once.
    /// (The other metrics need no registration; <c>kg.calls</c> needs <see cref="CallMetricsInterceptor"/> as the first gRPC interceptor.)
    /// </summary>
    public static IServiceCollection AddApplicationTelemetry(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IGraphSizeSource, StoreGraphSize>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, GraphSizeReporter>());
        return services;
    }
}
