namespace Explorer.Api;

/// <summary>The page's JSON API under <c>/api</c>: each route calls one service method with the explorer's credential.</summary>
public static class ExplorerApi
{
    public static WebApplication MapExplorerApi(this WebApplication app)
    {
        var api = app.MapGroup("/api").AddEndpointFilter<ServiceErrorFilter>();
        api.MapGet("/search", EntityEndpoints.SearchAsync);
        api.MapGet("/entity", EntityEndpoints.GetAsync);
        api.MapGet("/relationships", EntityEndpoints.RelationshipsAsync);
        api.MapGet("/neighborhood", GraphEndpoints.NeighborhoodAsync);
        api.MapGet("/paths", GraphEndpoints.PathsAsync);
        api.MapGet("/trace", DependencyEndpoints.TraceAsync);
        api.MapGet("/chokepoints", DependencyEndpoints.ChokepointsAsync);
        return app;
    }
}
