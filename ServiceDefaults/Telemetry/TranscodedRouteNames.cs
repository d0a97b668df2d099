using System.Diagnostics;
using Google.Api;
using Microsoft.AspNetCore.Grpc.JsonTranscoding;
using Microsoft.AspNetCore.Http;

namespace KnowledgeGraph.ServiceDefaults.Telemetry;

/// <summary>
/// Names the span of a JSON (transcoded) call after its route as the API declares it, for example
/// <c>GET /v1/{source=entities/*}:findPaths</c>, instead of the route ASP.NET Core generated from it
/// (<c>GET /v1/entities/{__Complex_source_2}:findPaths</c>). The span keeps the HTTP conventions'
/// <c>{method} {http.route}</c> shape, so a JSON call and a gRPC call of the same method stay apart.
/// </summary>
public static class TranscodedRouteNames
{
    private const string HttpRouteTag = "http.route";

    public static void Apply(Activity activity, HttpResponse response)
    {
        if (response.HttpContext.GetEndpoint()?.Metadata.GetMetadata<GrpcJsonTranscodingMetadata>() is not { } transcoding) return;
        if (DeclaredRoute(transcoding.HttpRule) is not { } route) return;
        activity.DisplayName = $"{response.HttpContext.Request.Method} {route}";
        activity.SetTag(HttpRouteTag, route);
    }

    private static string? DeclaredRoute(HttpRule rule) => rule.PatternCase switch
    {
        HttpRule.PatternOneofCase.Get => rule.Get,
        HttpRule.PatternOneofCase.Put => rule.Put,
        HttpRule.PatternOneofCase.Post => rule.Post,
        HttpRule.PatternOneofCase.Delete => rule.Delete,
        HttpRule.PatternOneofCase.Patch => rule.Patch,
        HttpRule.PatternOneofCase.Custom => rule.Custom.Path,
        _ => null,
    };
}
