using Grpc.Net.ClientFactory;
using KnowledgeGraph.Protocol;
using KnowledgeGraph.V1;

namespace Explorer.Graph;

/// <summary>
/// gRPC clients for the three services, each call carrying the explorer's bearer token. By default
/// Aspire service discovery finds them (the endpoint named <c>grpc</c> of the resources
/// <c>entities</c>, <c>relationships</c> and <c>queries</c>, i.e. <c>services:queries:grpc:0</c> in
/// configuration); <c>Explorer:Services:Queries</c> and its siblings name an address directly.
/// </summary>
public static class GraphClientExtensions
{
    public static WebApplicationBuilder AddGraphClients(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ExplorerCredentialOptions>()
            .Bind(builder.Configuration.GetSection(ExplorerCredentialOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<ExplorerCredential>();

        builder.AddGraphClient<EntityService.EntityServiceClient>("entities");
        builder.AddGraphClient<RelationshipService.RelationshipServiceClient>("relationships");
        builder.AddGraphClient<QueryService.QueryServiceClient>("queries");
        return builder;
    }

    private static void AddGraphClient<TClient>(this WebApplicationBuilder builder, string resource) where TClient : class
    {
        // gRPC channels need a plain http:// or https:// scheme, so no "https+http://" here.
        var configured = builder.Configuration[$"{ExplorerCredentialOptions.Section}:Services:{resource}"];
        var address = new Uri(string.IsNullOrWhiteSpace(configured) ? $"http://_grpc.{resource}" : configured);
        builder.Services.AddGrpcClient<TClient>(options => options.Address = address)
            .ConfigureChannel(channel =>
            {
                channel.MaxReceiveMessageSize = Limits.MaxMessageBytes;
                // Under the AppHost the services speak h2c on localhost; elsewhere give them https:// addresses (SECURITY.md).
                channel.UnsafeUseInsecureChannelCallCredentials = true;
            })
            .AddCallCredentials(async (context, metadata, services) =>
            {
                var token = await services.GetRequiredService<ExplorerCredential>().GetTokenAsync(context.CancellationToken);
                metadata.Add("authorization", $"Bearer {token}");
            });
    }
}
