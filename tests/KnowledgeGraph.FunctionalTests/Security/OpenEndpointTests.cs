using System.Net;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Reflection.V1Alpha;
using KnowledgeGraph.FunctionalTests.Infrastructure;
using KnowledgeGraph.Grpc.Security;
using Microsoft.AspNetCore.Hosting;
using Queries.Api;

namespace KnowledgeGraph.FunctionalTests.Security;

/// <summary>
/// What needs no token: /health, /alive and the gRPC health service everywhere, and server
/// reflection in Development only (the shared test hosts run as Development, as
/// WebApplicationFactory does by default).
/// </summary>
[Collection(ServicesCollection.Name)]
public sealed class OpenEndpointTests(SharedServices shared)
{
    [Theory]
    [MemberData(nameof(ServiceUnderTest.Names), MemberType = typeof(ServiceUnderTest))]
    public async Task Health_alive_and_grpc_health_need_no_token(string name)
    {
        var service = ServiceUnderTest.Of(shared.Services, name);
        using var http = service.Http(null);
        using var health = await http.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        using var alive = await http.GetAsync("/alive");
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);

        using var channel = service.Channel(null);
        var check = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest());
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, check.Status);
    }

    [Fact]
    public async Task In_development_reflection_needs_no_token()
    {
        using var channel = shared.Services.QueriesHost.CreateChannel(null);
        Assert.Contains("knowledgegraph.v1.QueryService", await ListServicesAsync(channel));
    }

    [Fact]
    public async Task Outside_development_reflection_needs_a_read_token_and_health_stays_open()
    {
        var dataPath = Directory.CreateTempSubdirectory("kg-production-").FullName;
        await using var host = new ServiceHost<QueriesApiMarker>(dataPath, new Dictionary<string, string> { [WebHostDefaults.EnvironmentKey] = "Production" });

        using var anonymous = host.CreateChannel(null);
        var failure = await RpcAssert.FailsAsync(StatusCode.Unauthenticated, AccessErrors.MissingToken, () => ListServicesAsync(anonymous));
        Assert.Equal(Scopes.Read, failure.ErrorInfo!.Metadata[AccessErrors.RequiredScopeKey]);
        var check = await new Health.HealthClient(anonymous).CheckAsync(new HealthCheckRequest());
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, check.Status);

        using var reader = host.CreateChannel(TestTokens.Mint(Scopes.Read));
        Assert.Contains("knowledgegraph.v1.QueryService", await ListServicesAsync(reader));
    }

    private static async Task<List<string>> ListServicesAsync(ChannelBase channel)
    {
        using var call = new ServerReflection.ServerReflectionClient(channel).ServerReflectionInfo();
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        return [.. call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name)];
    }
}
