using Grpc.Core;
using Grpc.Net.Client;
using KnowledgeGraph.Protocol;

namespace KnowledgeGraph.Bench.Services;

/// <summary>gRPC channels to the service processes whose calls carry the benchmark's bearer token.</summary>
public static class BenchChannels
{
    public static GrpcChannel Create(Uri address, string token) =>
        GrpcChannel.ForAddress(address, new GrpcChannelOptions
        {
            MaxReceiveMessageSize = Limits.MaxMessageBytes,
            Credentials = ChannelCredentials.Create(ChannelCredentials.Insecure, CallCredentials.FromInterceptor((_, metadata) =>
            {
                metadata.Add("authorization", $"Bearer {token}");
                return Task.CompletedTask;
            })),
            // The services speak h2c on loopback only; a token over plain HTTP/2 stays on this machine.
            UnsafeUseInsecureChannelCallCredentials = true,
        });
}
