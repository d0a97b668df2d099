using Aspire.Hosting.ApplicationModel;

namespace KnowledgeGraph.AppHost;

internal static class ServiceResourceExtensions
{
    /// <summary>
    /// A Knowledge Graph service: gRPC on the h2c endpoint <c>grpc</c>, JSON transcoding and health on the
    /// HTTP/1.1 endpoint <c>http</c>, the shared store, trust in the development tokens, and a health
    /// check the dashboard shows.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithKnowledgeGraphService(
        this IResourceBuilder<ProjectResource> service, GraphStoreSettings store, DevelopmentTokens tokens, int httpPort, int grpcPort)
    {
        service
            .WithHttpEndpoint(port: httpPort, name: "http", env: "HTTP_PORT")
            .WithHttpEndpoint(port: grpcPort, name: "grpc", env: "GRPC_PORT")
            .WithEndpoint("grpc", endpoint => endpoint.Transport = "http2")
            .WithHttpHealthCheck("/health", endpointName: "http")
            .WithUrlForEndpoint("http", url => url.DisplayText = "HTTP/JSON")
            .WithUrlForEndpoint("grpc", url => url.DisplayText = "gRPC (h2c)")
            .WithUrl(ReferenceExpression.Create($"{service.GetEndpoint("http")}/health"), "Health")
            .WithEnvironment("KnowledgeGraph__Store", store.Kind)
            // The AppHost's own environment (Development under `dotnet run`), where reflection needs no token.
            .WithEnvironment("ASPNETCORE_ENVIRONMENT", service.ApplicationBuilder.Environment.EnvironmentName)
            .WithDevelopmentTokenTrust(tokens);

        if (store.Neo4j is not null) service.WithReference(store.Neo4j);
        if (store.Neo4jContainer is not null) service.WaitFor(store.Neo4jContainer);
        if (store.DataPath is not null) service.WithEnvironment("KnowledgeGraph__DataPath", store.DataPath).WithStoreLocationUrl(store.DataPath);
        return service;
    }

    /// <summary>Shows where the embedded store lives in the dashboard's URLs column, next to the endpoints.</summary>
    private static IResourceBuilder<ProjectResource> WithStoreLocationUrl(this IResourceBuilder<ProjectResource> service, IResourceBuilder<ParameterResource> dataPath) =>
        service.WithUrls(async context =>
        {
            var file = Path.Combine(await dataPath.Resource.GetValueAsync(context.CancellationToken) ?? "", "graph.db");
            context.Urls.Add(new ResourceUrlAnnotation { Url = new Uri(file).AbsoluteUri, DisplayText = $"Store: {file}" });
        });
}
