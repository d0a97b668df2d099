using System.Net;
using System.Net.Sockets;
using Grpc.Core;
using Grpc.Net.Client;

namespace KnowledgeGraph.FunctionalTests.Infrastructure;

/// <summary>gRPC channels to the test hosts, each call carrying a bearer token (or none), and free loopback ports.</summary>
public static class TestChannels
{
    public static GrpcChannel Create(Uri address, string? token, HttpMessageHandler? handler = null)
    {
        var options = new GrpcChannelOptions { MaxReceiveMessageSize = 32 * 1024 * 1024, HttpHandler = handler };
        if (token is not null)
        {
            var transport = address.Scheme == Uri.UriSchemeHttps ? ChannelCredentials.SecureSsl : ChannelCredentials.Insecure;
            options.Credentials = ChannelCredentials.Create(transport, BearerToken(token));
            // The test hosts speak h2c on loopback; a token over plain HTTP/2 is fine there.
            options.UnsafeUseInsecureChannelCallCredentials = true;
        }
        return GrpcChannel.ForAddress(address, options);
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static CallCredentials BearerToken(string token) =>
        CallCredentials.FromInterceptor((_, metadata) =>
        {
            metadata.Add("authorization", $"Bearer {token}");
            return Task.CompletedTask;
        });
}
