using System.Net;
using System.Net.Http.Json;
using Grpc.Core;
using KnowledgeGraph.FunctionalTests.Infrastructure;
using KnowledgeGraph.Grpc.Security;
using KnowledgeGraph.V1;
using static KnowledgeGraph.FunctionalTests.Infrastructure.TestGraph;

namespace KnowledgeGraph.FunctionalTests.Security;

/// <summary>A valid token runs what its scopes allow and is PERMISSION_DENIED, with ErrorInfo, for the rest.</summary>
[Collection(ServicesCollection.Name)]
public sealed class ScopeTests(SharedServices shared)
{
    private static readonly string ReadToken = TestTokens.Mint(Scopes.Read);
    private static readonly string WriteToken = TestTokens.Mint(Scopes.Write);

    private KnowledgeGraphServices Services => shared.Services;

    [Theory]
    [MemberData(nameof(ServiceUnderTest.Names), MemberType = typeof(ServiceUnderTest))]
    public async Task A_read_token_reads_every_service_over_grpc_and_json(string name)
    {
        var service = ServiceUnderTest.Of(Services, name);
        using var channel = service.Channel(ReadToken);
        await service.ReadAsync(channel);

        using var http = service.Http(ReadToken);
        using var response = await http.GetAsync(service.ReadPath);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(ServiceUnderTest.Names), MemberType = typeof(ServiceUnderTest))]
    public async Task A_token_without_a_graph_scope_is_denied_on_every_service(string name)
    {
        var token = TestTokens.Mint("openid profile");
        var service = ServiceUnderTest.Of(Services, name);

        using var channel = service.Channel(token);
        var failure = await RpcAssert.FailsAsync(StatusCode.PermissionDenied, AccessErrors.MissingScope, () => service.ReadAsync(channel));
        Assert.Equal(Scopes.Read, failure.ErrorInfo!.Metadata[AccessErrors.RequiredScopeKey]);

        using var http = service.Http(token);
        using var response = await http.GetAsync(service.ReadPath);
        await RpcAssert.JsonFailsAsync(response, HttpStatusCode.Forbidden, StatusCode.PermissionDenied, AccessErrors.MissingScope);
    }

    [Fact]
    public async Task A_read_token_cannot_create_update_delete_or_import_entities()
    {
        var stored = await Services.Entities.CreateAsync("Country", "Read Only Land");
        using var channel = Services.EntitiesHost.CreateChannel(ReadToken);
        var entities = new EntityService.EntityServiceClient(channel);

        await DeniedWriteAsync(() => entities.CreateEntityAsync(new CreateEntityRequest { EntityId = UniqueId("denied"), Entity = Entity("Country", "Denied") }));
        await DeniedWriteAsync(() => entities.UpdateEntityAsync(new UpdateEntityRequest { Entity = new Entity(stored) { DisplayName = "Renamed" } }));
        await DeniedWriteAsync(() => entities.DeleteEntityAsync(new DeleteEntityRequest { Name = stored.Name }));
        await DeniedWriteAsync(async () =>
        {
            using var import = entities.ImportEntities();
            await import.ResponseAsync;
        });
        Assert.Equal("Read Only Land", (await Services.Entities.GetEntityAsync(new GetEntityRequest { Name = stored.Name })).DisplayName);

        using var http = Services.EntitiesHost.CreateHttpClient(ReadToken);
        using var response = await http.PostAsJsonAsync($"/v1/entities?entity_id={UniqueId("denied")}", new { kind = "Country", displayName = "Denied" });
        var errorInfo = await RpcAssert.JsonFailsAsync(response, HttpStatusCode.Forbidden, StatusCode.PermissionDenied, AccessErrors.MissingScope);
        Assert.Equal(Scopes.Write, errorInfo.GetProperty("metadata").GetProperty(AccessErrors.RequiredScopeKey).GetString());
    }

    [Fact]
    public async Task A_read_token_cannot_create_delete_or_import_relationships()
    {
        var country = await Services.Entities.CreateAsync("Country", "Relationless");
        var project = await Services.Entities.CreateAsync("Project", "Relationless Mine");
        var stored = await Services.Relationships.CreateAsync(Relationship("LOCATED_IN", project.Name, country.Name));
        using var channel = Services.RelationshipsHost.CreateChannel(ReadToken);
        var relationships = new RelationshipService.RelationshipServiceClient(channel);

        await DeniedWriteAsync(() => relationships.CreateRelationshipAsync(new CreateRelationshipRequest
        {
            RelationshipId = UniqueId("denied"),
            Relationship = Relationship("LOCATED_IN", project.Name, country.Name),
        }));
        await DeniedWriteAsync(() => relationships.DeleteRelationshipAsync(new DeleteRelationshipRequest { Name = stored.Name }));
        await DeniedWriteAsync(async () =>
        {
            using var import = relationships.ImportRelationships();
            await import.ResponseAsync;
        });
        await Services.Relationships.GetRelationshipAsync(new GetRelationshipRequest { Name = stored.Name });
    }

    [Fact]
    public async Task A_write_token_writes_but_only_an_admin_token_forces_a_delete()
    {
        using var channel = Services.EntitiesHost.CreateChannel(WriteToken);
        var entities = new EntityService.EntityServiceClient(channel);
        using var relationshipsChannel = Services.RelationshipsHost.CreateChannel(WriteToken);
        var relationships = new RelationshipService.RelationshipServiceClient(relationshipsChannel);
        var country = await entities.CreateAsync("Country", "Forceland");
        var project = await entities.CreateAsync("Project", "Force Mine");
        await relationships.CreateAsync(Relationship("LOCATED_IN", project.Name, country.Name));

        var failure = await RpcAssert.FailsAsync(StatusCode.PermissionDenied, AccessErrors.MissingScope,
            () => entities.DeleteEntityAsync(new DeleteEntityRequest { Name = country.Name, Force = true }));
        Assert.Equal(Scopes.Admin, failure.ErrorInfo!.Metadata[AccessErrors.RequiredScopeKey]);
        using var http = Services.EntitiesHost.CreateHttpClient(WriteToken);
        using var response = await http.DeleteAsync($"/v1/{country.Name}?force=true");
        await RpcAssert.JsonFailsAsync(response, HttpStatusCode.Forbidden, StatusCode.PermissionDenied, AccessErrors.MissingScope);

        // Without force the write token may delete: here the rules refuse, since the entity has a relationship.
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, "HAS_RELATIONSHIPS",
            () => entities.DeleteEntityAsync(new DeleteEntityRequest { Name = country.Name }));

        using var adminChannel = Services.EntitiesHost.CreateChannel(TestTokens.Mint(Scopes.Admin));
        await new EntityService.EntityServiceClient(adminChannel).DeleteEntityAsync(new DeleteEntityRequest { Name = country.Name, Force = true });
        await RpcAssert.FailsAsync(StatusCode.NotFound, "NOT_FOUND", () => entities.GetEntityAsync(new GetEntityRequest { Name = country.Name }));
    }

    [Fact]
    public async Task Scopes_are_read_from_an_Entra_scp_claim_and_from_a_scope_list()
    {
        using var entra = Services.QueriesHost.CreateChannel(TestTokens.Mint(Scopes.Read, claim: "scp"));
        await new QueryService.QueryServiceClient(entra).GetSchemaAsync(new GetSchemaRequest());

        using var listed = Services.EntitiesHost.CreateChannel(TestTokens.Mint($"openid {Scopes.Write} profile"));
        await new EntityService.EntityServiceClient(listed).CreateAsync("Country", "Listed Scopes");
    }

    private static Task DeniedWriteAsync<T>(Func<AsyncUnaryCall<T>> call) => DeniedWriteAsync(async () => await call());

    private static async Task DeniedWriteAsync(Func<Task> call)
    {
        var failure = await RpcAssert.FailsAsync(StatusCode.PermissionDenied, AccessErrors.MissingScope, call);
        Assert.Equal(Scopes.Write, failure.ErrorInfo!.Metadata[AccessErrors.RequiredScopeKey]);
    }
}
