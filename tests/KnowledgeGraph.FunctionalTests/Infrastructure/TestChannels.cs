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

    /// <summary>
    /// A loopback port free now, picked at random below the kernel's ephemeral range. A port the
    /// kernel hands out for port 0 is released before the host binds it, and in between the kernel
    /// may give it to any outgoing connection of the test processes running alongside (seen in CI:
    /// "address already in use" on 34135). Ports below that range are only ever taken by a listener
    /// that asks for them; the range starts above the AppHost's fixed ports (up to 20080).
    /// </summary>
    public static int FreePort()
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var port = Random.Shared.Next(FirstPickedPort, BelowEphemeral);
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException) { /* taken: pick another */ }
        }
        throw new InvalidOperationException($"No free loopback port in {FirstPickedPort}-{BelowEphemeral - 1} after 100 tries.");
    }

    private const int FirstPickedPort = 21000;

    private static readonly int BelowEphemeral = EphemeralPortsStart();

    /// <summary>The first port of Linux's ephemeral range (32768 by default).</summary>
    private static int EphemeralPortsStart()
    {
        const string range = "/proc/sys/net/ipv4/ip_local_port_range";
        var first = File.Exists(range) && int.TryParse(File.ReadAllText(range).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(), out var start) ? start : 32768;
        return Math.Max(first, FirstPickedPort + 1000);
    }

    private static CallCredentials BearerToken(string token) =>
        CallCredentials.FromInterceptor((_, metadata) =>
        {
            metadata.Add("authorization", $"Bearer {token}");
            return Task.CompletedTask;
        });
}
