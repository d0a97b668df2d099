using Google.Protobuf.Reflection;
using Google.Rpc;
using KnowledgeGraph.Grpc.Errors;
using KnowledgeGraph.Grpc.Telemetry;
using KnowledgeGraph.Grpc.Security;
using KnowledgeGraph.Protocol;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace KnowledgeGraph.Grpc.Hosting;

/// <summary>What every Knowledge Graph service host does, so each Program.cs stays a few lines.</summary>
public static class ServiceHostExtensions
{
    /// <summary>Port of the h2c endpoint named <c>grpc</c> (gRPC).</summary>
    public const string GrpcPortKey = "GRPC_PORT";

    /// <summary>Port of the HTTP/1.1 endpoint named <c>http</c> (JSON transcoding, /health, /alive).</summary>
    public const string HttpPortKey = "HTTP_PORT";

    public static WebApplicationBuilder AddKnowledgeGraphService(this WebApplicationBuilder builder)
    {
        builder.AddServiceDefaults();
        builder.ConfigureEndpoints();
        builder.AddKnowledgeGraphAccessControl();

        builder.Services.AddGraphStore(builder.Configuration);
        builder.Services.AddKnowledgeGraphApplication(builder.Configuration);
        builder.Services.AddKnowledgeGraphRetention(builder.Configuration);
        builder.Services.AddApplicationTelemetry();
        builder.Services.AddHostedService<StoreInitializer>();
        builder.Services.AddHealthChecks().AddCheck<StoreHealthCheck>("store");

        builder.Services
            .AddGrpc(options =>
            {
                options.MaxReceiveMessageSize = Limits.MaxMessageBytes;
                options.MaxSendMessageSize = Limits.MaxMessageBytes;
                // First, so every call is counted with the status the interceptors after it give it.
                options.Interceptors.Add<CallMetricsInterceptor>();
                options.Interceptors.Add<AccessInterceptor>();
                options.Interceptors.Add<GraphErrorInterceptor>();
            })
            .AddJsonTranscoding(options => options.TypeRegistry = TypeRegistry.FromMessages(
                ErrorInfo.Descriptor, BadRequest.Descriptor, ResourceInfo.Descriptor, RetryInfo.Descriptor));
        builder.Services.AddGrpcReflection();
        builder.Services.AddGrpcHealthChecks().AddCheck<StoreHealthCheck>("grpc-store");
        return builder;
    }

    /// <summary>
    /// Maps the service, reflection, the gRPC health service and /health, /alive. Who may call each
    /// gRPC method is decided by <see cref="AccessInterceptor"/>; /health and /alive are open.
    /// </summary>
    public static WebApplication MapKnowledgeGraphService<TService>(this WebApplication app) where TService : class
    {
        app.UseMiddleware<UnreadBodyMiddleware>();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<MalformedRequestMiddleware>();
        app.UseMiddleware<TranscodingErrorMiddleware>();
        app.MapGrpcService<TService>();
        app.MapGrpcReflectionService();
        app.MapGrpcHealthChecksService();
        app.MapDefaultEndpoints();
        return app;
    }

    private static void ConfigureEndpoints(this WebApplicationBuilder builder)
    {
        var grpcPort = builder.Configuration.GetValue<int?>(GrpcPortKey);
        var httpPort = builder.Configuration.GetValue<int?>(HttpPortKey);
        if (grpcPort is null && httpPort is null) return;

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            if (grpcPort is { } grpc) kestrel.ListenLocalhost(grpc, listen => listen.Protocols = HttpProtocols.Http2);
            if (httpPort is { } http) kestrel.ListenLocalhost(http, listen => listen.Protocols = HttpProtocols.Http1);
        });
    }
}
