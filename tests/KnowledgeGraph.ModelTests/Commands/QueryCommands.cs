using System.Text.Json.Nodes;
using KnowledgeGraph.Domain;
using KnowledgeGraph.V1;

namespace KnowledgeGraph.ModelTests.Commands;

public sealed record Search(string Query, Items<string> Kinds, int PageSize, Consistency Consistency) : Command
{
    public override async Task<JsonNode> RunAsync(GraphSystem system) =>
        Answers.Of(await system.Queries.SearchEntitiesAsync(new SearchEntitiesRequest { Query = Query, Kinds = { Kinds.Values }, PageSize = PageSize }, system.Call(Consistency)));
}

public sealed record FindPaths(string SourceId, string TargetId, Items<string> Types, Direction Direction, int MaxDepth, int MaxPaths, PathMode Mode, int? AsOfYear, Consistency Consistency) : Command
{
    public override async Task<JsonNode> RunAsync(GraphSystem system)
    {
        var request = new FindPathsRequest
        {
            Source = ResourceNames.Entity(SourceId),
            Target = ResourceNames.Entity(TargetId),
            RelationshipTypes = { Types.Values },
            Direction = Direction,
            MaxDepth = MaxDepth,
            MaxPaths = MaxPaths,
            Mode = Mode,
            AsOf = AsOfYear is { } year ? RelationshipSpec.Year(year) : null,
        };
        return Answers.Of(await system.Queries.FindPathsAsync(request, system.Call(Consistency)));
    }
}

public sealed record TraceDependencies(string RootId, TraceDirection Direction, string? CommodityId, int MaxDepth, double MinExposure, int MaxRoutes, int? AsOfYear, Consistency Consistency) : Command
{
    public override async Task<JsonNode> RunAsync(GraphSystem system)
    {
        var request = new TraceDependenciesRequest
        {
            Root = ResourceNames.Entity(RootId),
            Direction = Direction,
            Commodity = CommodityId is null ? "" : ResourceNames.Entity(CommodityId),
            MaxDepth = MaxDepth,
            MinExposure = MinExposure,
            MaxRoutes = MaxRoutes,
            AsOf = AsOfYear is { } year ? RelationshipSpec.Year(year) : null,
        };
        return Answers.Of(await system.Queries.TraceDependenciesAsync(request, system.Call(Consistency)));
    }
}

public sealed record GetNeighborhood(string Id, int Depth, Items<string> Types, Direction Direction, int MaxEntities, int? AsOfYear, Consistency Consistency) : Command
{
    public override async Task<JsonNode> RunAsync(GraphSystem system)
    {
        var request = new GetNeighborhoodRequest
        {
            Name = ResourceNames.Entity(Id),
            Depth = Depth,
            RelationshipTypes = { Types.Values },
            Direction = Direction,
            MaxEntities = MaxEntities,
            AsOf = AsOfYear is { } year ? RelationshipSpec.Year(year) : null,
        };
        return Answers.Of(await system.Queries.GetNeighborhoodAsync(request, system.Call(Consistency)));
    }
}
