using Grpc.Core;
using KnowledgeGraph.FunctionalTests.Infrastructure;
using KnowledgeGraph.V1;
using static KnowledgeGraph.FunctionalTests.Infrastructure.TestGraph;

namespace KnowledgeGraph.FunctionalTests;

[Collection(ServicesCollection.Name)]
public sealed class ConsistencyTests(SharedServices shared)
{
    private const string Header = "x-kg-consistency-token";

    [Fact]
    public async Task A_write_through_one_service_is_read_through_another_with_its_token()
    {
        var id = UniqueId("readyourwrites");
        var call = shared.Services.Entities.CreateEntityAsync(new CreateEntityRequest { EntityId = id, Entity = Entity("Country", $"Readable {id}") });
        await call;
        var token = (await call.ResponseHeadersAsync).GetValue(Header);
        Assert.False(string.IsNullOrEmpty(token));

        var found = await shared.Services.Queries.SearchEntitiesAsync(new SearchEntitiesRequest { Query = id }, new Metadata { { Header, token! } });
        Assert.Equal($"entities/{id}", Assert.Single(found.Results).Entity.Name);
    }

    [Fact]
    public async Task A_malformed_token_is_invalid()
    {
        await RpcAssert.FailsAsync(StatusCode.InvalidArgument, "INVALID_CONSISTENCY_TOKEN",
            () => shared.Services.Queries.SearchEntitiesAsync(new SearchEntitiesRequest { Query = "x" }, new Metadata { { Header, "not-a-token" } }));
    }

    [Fact]
    public async Task Every_write_method_returns_a_token()
    {
        var entities = shared.Services.Entities;
        var relationships = shared.Services.Relationships;
        var a = await entities.CreateAsync("Project", "Token project");
        var b = await entities.CreateAsync("Country", "Token country");

        var create = relationships.CreateRelationshipAsync(new CreateRelationshipRequest { RelationshipId = UniqueId("tok"), Relationship = Relationship("LOCATED_IN", a.Name, b.Name) });
        var created = await create;
        var delete = relationships.DeleteRelationshipAsync(new DeleteRelationshipRequest { Name = created.Name });
        await delete;
        var update = entities.UpdateEntityAsync(new UpdateEntityRequest { Entity = new Entity { Name = a.Name, DisplayName = "Renamed" }, UpdateMask = new() { Paths = { "display_name" } } });
        await update;

        foreach (var headers in new[] { await create.ResponseHeadersAsync, await delete.ResponseHeadersAsync, await update.ResponseHeadersAsync })
            Assert.False(string.IsNullOrEmpty(headers.GetValue(Header)));
    }
}
