using Aspire.Hosting.ApplicationModel;

namespace KnowledgeGraph.AppHost;

internal static class ExplorerResourceExtensions
{
    /// <summary>The explorer's server keeps its token while it runs; restart the resource for a fresh one.</summary>
    private static readonly TimeSpan ExplorerTokenLifetime = TimeSpan.FromHours(24);

    /// <summary>
    /// The graph explorer: finds the three services' gRPC endpoints by service discovery and calls
    /// them with a read-only development token it keeps server-side (<c>Explorer__BearerToken</c>).
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithGraphExplorer(
        this IResourceBuilder<ProjectResource> explorer, DevelopmentTokens tokens, params IResourceBuilder<ProjectResource>[] services)
    {
        foreach (var service in services) explorer.WithReference(service);
        return explorer
            .WithDevelopmentToken(tokens, DevelopmentTokens.ExplorerScopes, "Explorer__BearerToken", ExplorerTokenLifetime)
            .WithHttpHealthCheck("/health")
            .WithUrlForEndpoint("http", url => url.DisplayText = "Explorer");
    }
}
