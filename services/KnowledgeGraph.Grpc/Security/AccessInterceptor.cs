using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;

namespace KnowledgeGraph.Grpc.Security;

/// <summary>
/// Lets a call run only when its bearer token is valid and grants the scope <see cref="MethodScopes"/>
/// asks for. As a gRPC interceptor it sees every method of every service, over gRPC and JSON
/// transcoding alike, and the request itself (a forced delete needs more than a plain one).
/// </summary>
public sealed class AccessInterceptor(MethodScopes methods, IAuthorizationService authorization) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        await CheckAsync(context, request);
        return await continuation(request, context);
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        await CheckAsync(context, request: null);
        return await continuation(requestStream, context);
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        await CheckAsync(context, request);
        await continuation(request, responseStream, context);
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        await CheckAsync(context, request: null);
        await continuation(requestStream, responseStream, context);
    }

    private async Task CheckAsync(ServerCallContext context, object? request)
    {
        if (methods.RequiredScope(context.Method, request) is not { } scope) return;

        var http = context.GetHttpContext();
        var authentication = await http.AuthenticateAsync(JwtBearerDefaults.AuthenticationScheme);
        if (!authentication.Succeeded)
        {
            var (reason, message) = TokenProblems.Of(authentication);
            Challenge(http, reason == AccessErrors.MissingToken ? null : "invalid_token", scope);
            throw AccessErrors.Unauthenticated(reason, message, scope);
        }

        var decision = await authorization.AuthorizeAsync(authentication.Principal, request, new ScopeRequirement(scope));
        if (!decision.Succeeded)
        {
            Challenge(http, "insufficient_scope", scope);
            throw AccessErrors.PermissionDenied(scope);
        }
    }

    /// <summary>The <c>WWW-Authenticate</c> header RFC 6750 asks for on 401 and 403 answers (harmless on gRPC).</summary>
    private static void Challenge(HttpContext http, string? error, string scope) =>
        http.Response.Headers.WWWAuthenticate = error is null ? "Bearer" : $"Bearer error=\"{error}\", scope=\"{scope}\"";
}
