using System.Net;
using System.Security.Cryptography;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Google.Rpc;
using Grpc.Core;
using KnowledgeGraph.AppHost;
using KnowledgeGraph.V1;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace KnowledgeGraph.AppHostTests;

/// <summary>The AppHost's development tokens, end to end: the services trust the key it gives them, and only tokens signed with it.</summary>
[Collection(AppHostCollection.Name)]
public sealed class AccessTests(AppHostFixture fixture)
{
    [Fact]
    public async Task The_kg_token_command_shows_a_token_that_may_force_a_delete()
    {
        var shown = await fixture.App.ResourceCommands.ExecuteCommandAsync("queries", "kg-token");
        Assert.True(shown.Success, shown.Message);
        Assert.True(shown.Data!.DisplayImmediately);

        using var channel = fixture.Channel("entities", shown.Data.Value);
        var entities = new EntityService.EntityServiceClient(channel);
        var id = $"forced-{Guid.NewGuid():N}"[..20];
        await entities.CreateEntityAsync(new CreateEntityRequest
        {
            EntityId = id,
            Entity = new Entity { Kind = "Company", DisplayName = "Forced Ltd", Sources = { new Source { Document = "apphost-test" } } },
        });
        await entities.DeleteEntityAsync(new DeleteEntityRequest { Name = $"entities/{id}", Force = true });
    }

    [Fact]
    public async Task A_token_the_test_signs_with_the_key_it_gave_is_trusted_for_its_scope_only()
    {
        using var reader = fixture.Channel("relationships", Mint("graph.read", fixture.SigningKey));
        var relationships = new RelationshipService.RelationshipServiceClient(reader);
        await relationships.GetRelationshipAsync(new GetRelationshipRequest { Name = "relationships/sakhalin-2-supplies-japan" });

        var denied = await Assert.ThrowsAsync<RpcException>(async () =>
            await relationships.DeleteRelationshipAsync(new DeleteRelationshipRequest { Name = "relationships/sakhalin-2-supplies-japan" }));
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
        Assert.Equal("MISSING_SCOPE", denied.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Reason);

        using var forged = fixture.Channel("relationships", Mint("graph.admin", RandomNumberGenerator.GetBytes(48)));
        var refused = await Assert.ThrowsAsync<RpcException>(async () =>
            await new RelationshipService.RelationshipServiceClient(forged).GetRelationshipAsync(new GetRelationshipRequest { Name = "relationships/sakhalin-2-supplies-japan" }));
        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
        Assert.Equal("INVALID_TOKEN", refused.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Reason);
    }

    [Fact]
    public async Task Without_a_token_calls_are_unauthenticated_while_health_stays_open()
    {
        using var anonymous = fixture.Channel("queries", token: null);
        var refused = await Assert.ThrowsAsync<RpcException>(async () =>
            await new QueryService.QueryServiceClient(anonymous).GetSchemaAsync(new GetSchemaRequest()));
        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
        Assert.Equal("MISSING_TOKEN", refused.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Reason);

        using var http = new HttpClient { BaseAddress = fixture.App.GetEndpoint("queries", "http") };
        using var health = await http.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task The_seed_import_gets_a_fresh_write_token_each_time_it_starts()
    {
        Assert.True(fixture.App.ResourceNotifications.TryGetCurrentState("seed", out var before));
        var first = SeedToken(before!);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var result = await fixture.App.ResourceCommands.ExecuteCommandAsync("relationships", "reseed", timeout.Token);
        Assert.True(result.Success, result.Message);
        var after = await fixture.App.ResourceNotifications.WaitForResourceAsync("seed",
            e => e.Snapshot.State?.Text == KnownResourceStates.Finished && e.Snapshot.StartTimeStamp != before!.Snapshot.StartTimeStamp, timeout.Token);

        Assert.Equal(0, after.Snapshot.ExitCode);
        var second = SeedToken(after);
        Assert.NotEqual(first, second);
        Assert.All(new[] { first, second }, token => Assert.Equal(DevelopmentTokens.SeedScopes, new JsonWebToken(token).GetClaim("scope").Value));
    }

    private static string SeedToken(ResourceEvent seed) =>
        seed.Snapshot.EnvironmentVariables.Single(variable => variable.Name == "KG_TOKEN").Value!;

    private static string Mint(string scopes, byte[] key) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = DevelopmentTokens.Issuer,
        Audience = DevelopmentTokens.Audience,
        Claims = new Dictionary<string, object> { ["sub"] = "apphost-tests", ["scope"] = scopes },
        Expires = DateTime.UtcNow.AddMinutes(10),
        SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(key), SecurityAlgorithms.HmacSha256),
    });
}
