using Grpc.Health.V1;

namespace KnowledgeGraph.FuzzTests.Harness;

/// <summary>Each service still answers: the gRPC health service says SERVING and <c>/health</c> says 200.</summary>
public static class Liveness
{
    public static async Task<string?> CheckAsync(FuzzClients clients)
    {
        foreach (var service in Enum.GetValues<Service>())
        {
            try
            {
                var grpc = await new Health.HealthClient(clients.Channel(service)).CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(30));
                if (grpc.Status != HealthCheckResponse.Types.ServingStatus.Serving) return $"{service}: gRPC health says {grpc.Status}";
                using var http = await clients.Http(service).GetAsync("/health");
                if (!http.IsSuccessStatusCode) return $"{service}: /health answered {(int)http.StatusCode}";
            }
            catch (Exception error)
            {
                return $"{service} no longer answers its health checks: {error.GetType().Name}: {error.Message}";
            }
        }
        return null;
    }
}
