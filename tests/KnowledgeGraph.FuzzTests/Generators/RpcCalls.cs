using CsCheck;
using Google.Protobuf;
using Grpc.Core;
using KnowledgeGraph.FuzzTests.Harness;
using KnowledgeGraph.V1;

namespace KnowledgeGraph.FuzzTests.Generators;

/// <summary>A generator of hostile requests for every RPC of the three services (the imports' streams are in <see cref="ImportCalls"/>).</summary>
public static class RpcCalls
{
    private static readonly HttpMethod Patch = HttpMethod.Patch;

    public static Gen<string> PageToken(PageTokens tokens) => Gen.Frequency(
        (6, Gen.Const("")),
        (3, Gen.OneOf(tokens.All)),
        (1, Gen.OneOf(Hostile.Text, Gen.OneOf("====", "AAAA", "-_-_", "%%%"))));

    public static Gen<string> EntityFilter { get; } = Gen.Frequency(
        (5, Gen.OneOf("", "kind = \"Country\"", "kind=Commodity", "kind = \"Planet\"", "kind = \"Country\" AND kind = \"Company\"")),
        (4, Filters()));

    public static Gen<string> RelationshipFilter { get; } = Gen.Frequency(
        (5, Gen.OneOf("", "type = \"SUPPLIES\"", "entity = \"entities/japan\" AND direction = OUTGOING", "source = \"entities/russia\"",
            "direction = INCOMING", "entity = \"entities/japan\" AND direction = SIDEWAYS", "type = \"NOPE\"", "entity = \"nope\"", "target = entities/lng")),
        (4, Filters()));

    /// <summary>Filters that are deep, huge, unbalanced, escaped wrongly, or not filters at all.</summary>
    private static Gen<string> Filters() => Gen.OneOf(
        Gen.OneOf("kind = \"", "kind = \"\\q\"", "kind = \"\\u12\"", "kind = \"\\\"", "kind = \"a\\\"b\"", "kind = \"Country\" OR 1=1", "(kind = \"Country\")",
            "kind = \"Country\" AND", "AND AND AND", "= \"x\"", "kind == \"Country\"", "NOT kind = \"Country\"", "kind = \"Country\" and type = \"X\"",
            new string('(', 5000) + new string(')', 5000), string.Concat(Enumerable.Repeat("kind = \"Country\" AND ", 60)) + "kind = \"Country\"",
            "kind = \"" + new string('x', 1100) + "\"", "kïnd = \"Country\"", "type = \"SUPPLIES\\0\"", "type = '; DROP TABLE relationships; --"),
        Hostile.Text,
        Hostile.Text.Select(t => $"kind = \"{t}\""));

    public static Gen<FuzzCall> Entities(PageTokens tokens) => Gen.OneOf(
        from id in Hostile.EntityId
        from entity in HostileResources.Entity
        from requestId in Hostile.RequestId
        from validateOnly in Hostile.Seldom
        let request = new CreateEntityRequest { EntityId = id, Entity = entity, RequestId = requestId, ValidateOnly = validateOnly }
        select Write("EntityService/CreateEntity", Service.Entities, request, (c, o) => c.Entities.CreateEntityAsync(request, o), new(HttpMethod.Post, "/v1/entities", "entity")),

        from name in Hostile.EntityName
        let request = new GetEntityRequest { Name = name }
        select Read("EntityService/GetEntity", Service.Entities, request, (c, o) => c.Entities.GetEntityAsync(request, o), new(HttpMethod.Get, "/v1/{name=entities/*}")),

        from names in Hostile.ListOf(Hostile.EntityName, 4, 1001)
        let request = new BatchGetEntitiesRequest { Names = { names } }
        select Read("EntityService/BatchGetEntities", Service.Entities, request, (c, o) => c.Entities.BatchGetEntitiesAsync(request, o), new(HttpMethod.Get, "/v1/entities:batchGet")),

        from pageSize in Hostile.Count
        from pageToken in PageToken(tokens)
        from filter in EntityFilter
        let request = new ListEntitiesRequest { PageSize = pageSize, PageToken = pageToken, Filter = filter }
        select Read("EntityService/ListEntities", Service.Entities, request, (c, o) => c.Entities.ListEntitiesAsync(request, o), new(HttpMethod.Get, "/v1/entities")),

        from entity in HostileResources.Entity
        from mask in HostileResources.Mask("kind", "display_name", "aliases", "properties", "external_ids", "sources", "description", "properties.capital")
        from allowMissing in Hostile.Seldom
        from requestId in Hostile.RequestId
        from validateOnly in Hostile.Seldom
        let request = new UpdateEntityRequest { Entity = entity, UpdateMask = mask, AllowMissing = allowMissing, RequestId = requestId, ValidateOnly = validateOnly }
        select Write("EntityService/UpdateEntity", Service.Entities, request, (c, o) => c.Entities.UpdateEntityAsync(request, o), new(Patch, "/v1/{entity.name=entities/*}", "entity")),

        from name in Hostile.EntityName
        from etag in Hostile.Etag
        from force in Hostile.Seldom
        from requestId in Hostile.RequestId
        from validateOnly in Gen.Bool
        let request = new DeleteEntityRequest { Name = name, Etag = etag, Force = force, RequestId = requestId, ValidateOnly = validateOnly }
        select Write("EntityService/DeleteEntity", Service.Entities, request, (c, o) => c.Entities.DeleteEntityAsync(request, o), new(HttpMethod.Delete, "/v1/{name=entities/*}")));

    public static Gen<FuzzCall> Relationships(PageTokens tokens) => Gen.OneOf(
        from id in Hostile.RelationshipId
        from relationship in HostileResources.Relationship
        from requestId in Hostile.RequestId
        from validateOnly in Hostile.Seldom
        let request = new CreateRelationshipRequest { RelationshipId = id, Relationship = relationship, RequestId = requestId, ValidateOnly = validateOnly }
        select Write("RelationshipService/CreateRelationship", Service.Relationships, request, (c, o) => c.Relationships.CreateRelationshipAsync(request, o), new(HttpMethod.Post, "/v1/relationships", "relationship")),

        from name in Hostile.RelationshipName
        let request = new GetRelationshipRequest { Name = name }
        select Read("RelationshipService/GetRelationship", Service.Relationships, request, (c, o) => c.Relationships.GetRelationshipAsync(request, o), new(HttpMethod.Get, "/v1/{name=relationships/*}")),

        from names in Hostile.ListOf(Hostile.RelationshipName, 4, 1001)
        let request = new BatchGetRelationshipsRequest { Names = { names } }
        select Read("RelationshipService/BatchGetRelationships", Service.Relationships, request, (c, o) => c.Relationships.BatchGetRelationshipsAsync(request, o), new(HttpMethod.Get, "/v1/relationships:batchGet")),

        from pageSize in Hostile.Count
        from pageToken in PageToken(tokens)
        from filter in RelationshipFilter
        let request = new ListRelationshipsRequest { PageSize = pageSize, PageToken = pageToken, Filter = filter }
        select Read("RelationshipService/ListRelationships", Service.Relationships, request, (c, o) => c.Relationships.ListRelationshipsAsync(request, o), new(HttpMethod.Get, "/v1/relationships")),

        from relationship in HostileResources.Relationship
        from mask in HostileResources.Mask("properties", "valid_from", "valid_to", "sources", "properties.share", "type", "source")
        from allowMissing in Hostile.Seldom
        from requestId in Hostile.RequestId
        from validateOnly in Hostile.Seldom
        let request = new UpdateRelationshipRequest { Relationship = relationship, UpdateMask = mask, AllowMissing = allowMissing, RequestId = requestId, ValidateOnly = validateOnly }
        select Write("RelationshipService/UpdateRelationship", Service.Relationships, request, (c, o) => c.Relationships.UpdateRelationshipAsync(request, o), new(Patch, "/v1/{relationship.name=relationships/*}", "relationship")),

        from name in Hostile.RelationshipName
        from etag in Hostile.Etag
        from requestId in Hostile.RequestId
        from validateOnly in Gen.Bool
        let request = new DeleteRelationshipRequest { Name = name, Etag = etag, RequestId = requestId, ValidateOnly = validateOnly }
        select Write("RelationshipService/DeleteRelationship", Service.Relationships, request, (c, o) => c.Relationships.DeleteRelationshipAsync(request, o), new(HttpMethod.Delete, "/v1/{name=relationships/*}")));

    private static Gen<List<string>> TypeList { get; } = Hostile.ListOf(Gen.Frequency((6, Gen.OneOf(Hostile.Types)), (1, Hostile.Text)), 3, 200);
    private static Gen<List<string>> Exclusions { get; } = Gen.Frequency(
        (6, Gen.Const(new List<string>())),
        (3, Gen.OneOf(Hostile.EntityName, Hostile.RelationshipName).List[1, 3]),
        (1, Hostile.EntityName.List[101, 101]));

    public static Gen<FuzzCall> Queries { get; } = Gen.OneOf(
        Gen.Const(Read("QueryService/GetSchema", Service.Queries, new GetSchemaRequest(), (c, o) => c.Queries.GetSchemaAsync(new GetSchemaRequest(), o), new(HttpMethod.Get, "/v1/schema"))),

        from query in Gen.Frequency((5, Gen.OneOf("japan", "Sakhalin", "LNG", "jap", "ÉNERGIE")), (4, Hostile.Text))
        from kinds in Hostile.ListOf(Gen.Frequency((6, Gen.OneOf(Hostile.Kinds)), (1, Hostile.Text)), 3, 500)
        from pageSize in Hostile.Count
        let request = new SearchEntitiesRequest { Query = query, Kinds = { kinds }, PageSize = pageSize }
        select Read("QueryService/SearchEntities", Service.Queries, request, (c, o) => c.Queries.SearchEntitiesAsync(request, o), new(HttpMethod.Get, "/v1/entities:search")),

        from source in Hostile.EntityName
        from target in Hostile.EntityName
        from types in TypeList
        from direction in Hostile.Enum<Direction>()
        from maxDepth in Hostile.Count
        from maxPaths in Hostile.Count
        from mode in Hostile.Enum<PathMode>()
        from asOf in Hostile.Time
        from exclude in Exclusions
        let request = new FindPathsRequest { Source = source, Target = target, RelationshipTypes = { types }, Direction = direction, MaxDepth = maxDepth, MaxPaths = maxPaths, Mode = mode, AsOf = asOf, Exclude = { exclude } }
        select Read("QueryService/FindPaths", Service.Queries, request, (c, o) => c.Queries.FindPathsAsync(request, o), new(HttpMethod.Get, "/v1/{source=entities/*}:findPaths")),

        from root in Hostile.EntityName
        from direction in Hostile.Enum<TraceDirection>()
        from commodity in Gen.Frequency((4, Gen.Const("")), (2, Hostile.EntityName))
        from maxDepth in Hostile.Count
        from minExposure in Hostile.Number
        from asOf in Hostile.Time
        from maxRoutes in Hostile.Count
        from exclude in Exclusions
        from compare in Gen.Bool
        let request = new TraceDependenciesRequest { Root = root, Direction = direction, Commodity = commodity, MaxDepth = maxDepth, MinExposure = minExposure, AsOf = asOf, MaxRoutes = maxRoutes, Exclude = { exclude }, CompareBaseline = compare }
        select Read("QueryService/TraceDependencies", Service.Queries, request, (c, o) => c.Queries.TraceDependenciesAsync(request, o), new(HttpMethod.Get, "/v1/{root=entities/*}:traceDependencies")),

        from root in Hostile.EntityName
        from direction in Hostile.Enum<TraceDirection>()
        from commodity in Gen.Frequency((4, Gen.Const("")), (2, Hostile.EntityName))
        from asOf in Hostile.Time
        from maxResults in Hostile.Count
        from maxDepth in Hostile.Count
        let request = new FindChokepointsRequest { Root = root, Direction = direction, Commodity = commodity, AsOf = asOf, MaxResults = maxResults, MaxDepth = maxDepth }
        select Read("QueryService/FindChokepoints", Service.Queries, request, (c, o) => c.Queries.FindChokepointsAsync(request, o), new(HttpMethod.Get, "/v1/{root=entities/*}:findChokepoints")),

        from name in Hostile.EntityName
        from depth in Hostile.Count
        from types in TypeList
        from direction in Hostile.Enum<Direction>()
        from asOf in Hostile.Time
        from maxEntities in Hostile.Count
        let request = new GetNeighborhoodRequest { Name = name, Depth = depth, RelationshipTypes = { types }, Direction = direction, AsOf = asOf, MaxEntities = maxEntities }
        select Read("QueryService/GetNeighborhood", Service.Queries, request, (c, o) => c.Queries.GetNeighborhoodAsync(request, o), new(HttpMethod.Get, "/v1/{name=entities/*}:neighborhood")));

    private static FuzzCall Read<TResponse>(string method, Service service, IMessage request, Func<FuzzClients, CallOptions, AsyncUnaryCall<TResponse>> call, JsonRoute route)
        where TResponse : IMessage => new(method, service, request, Writes.Nothing, async (c, o) => await call(c, o), route);

    private static FuzzCall Write<TResponse>(string method, Service service, IMessage request, Func<FuzzClients, CallOptions, AsyncUnaryCall<TResponse>> call, JsonRoute route)
        where TResponse : IMessage => new(method, service, request, Writes.Atomic, async (c, o) => await call(c, o), route);
}
