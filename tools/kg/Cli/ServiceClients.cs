using Grpc.Core;
using Grpc.Net.Client;
using KnowledgeGraph.Protocol;
using KnowledgeGraph.V1;

namespace KnowledgeGraph.Cli;

/// <summary>
/// One gRPC channel per service, opened on first use (plain http:// means HTTP/2 without TLS),
/// whose calls carry the bearer token when there is one.
/// </summary>
public sealed class ServiceClients(Endpoints endpoints, string? token, Func<Uri, HttpMessageHandler>? handlerFactory) : IDisposable
{
    private readonly Dictionary<Uri, GrpcChannel> _channels = [];

    public EntityService.EntityServiceClient Entities => new(Open(endpoints.Entities, "Entities", Endpoints.EntitiesVariable));
    public RelationshipService.RelationshipServiceClient Relationships => new(Open(endpoints.Relationships, "Relationships", Endpoints.RelationshipsVariable));
    public QueryService.QueryServiceClient Queries => new(Open(endpoints.Queries, "Queries", Endpoints.QueriesVariable));

    /// <summary>The service most recently called, to say which one could not be reached.</summary>
    public string? LastService { get; private set; }

    private GrpcChannel Open(Uri address, string service, string variable)
    {
        LastService = $"the {service} service at {address.GetLeftPart(UriPartial.Authority)} (set --{service.ToLowerInvariant()}-url or {variable})";
        if (_channels.TryGetValue(address, out var existing)) return existing;
        var options = new GrpcChannelOptions
        {
            HttpHandler = handlerFactory?.Invoke(address),
            MaxReceiveMessageSize = Limits.MaxMessageBytes,
            MaxSendMessageSize = Limits.MaxMessageBytes,
        };
        if (token is not null)
        {
            var transport = address.Scheme == Uri.UriSchemeHttps ? ChannelCredentials.SecureSsl : ChannelCredentials.Insecure;
            options.Credentials = ChannelCredentials.Create(transport, BearerToken.Credentials(token));
            // The AppHost's services speak h2c on localhost; elsewhere use https:// (SECURITY.md).
            options.UnsafeUseInsecureChannelCallCredentials = true;
        }
        var channel = GrpcChannel.ForAddress(address, options);
        _channels.Add(address, channel);
        return channel;
    }

    public void Dispose()
    {
        foreach (var channel in _channels.Values) channel.Dispose();
        _channels.Clear();
    }
}
