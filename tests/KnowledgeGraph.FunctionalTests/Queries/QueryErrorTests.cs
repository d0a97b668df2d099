using Grpc.Core;
using KnowledgeGraph.FunctionalTests.Infrastructure;
using KnowledgeGraph.V1;

namespace KnowledgeGraph.FunctionalTests.Queries;

/// <summary>Every way a path, trace or neighbourhood request can be refused, with its AIP-193 details.</summary>
[Collection(ServicesCollection.Name)]
public sealed class QueryErrorTests(SharedServices shared)
{
    private QueryService.QueryServiceClient Queries => shared.Services.Queries;

    private async Task<QueryGraph> TwoCompaniesAsync()
    {
        var g = new QueryGraph(shared.Services);
        await g.AddAsync("Company", "a", "b");
        await g.AddAsync("Country", "land");
        return g;
    }

    [Fact]
    public async Task An_unknown_entity_is_not_found_with_resource_info_in_every_query()
    {
        var g = await TwoCompaniesAsync();
        var missing = g.Entity("missing");

        var calls = new (string, Func<Task>)[]
        {
            ("FindPaths source", async () => await Queries.FindPathsAsync(new FindPathsRequest { Source = missing, Target = g.Entity("a") })),
            ("FindPaths target", async () => await Queries.FindPathsAsync(new FindPathsRequest { Source = g.Entity("a"), Target = missing })),
            ("TraceDependencies", async () => await Queries.TraceDependenciesAsync(new TraceDependenciesRequest { Root = missing, Direction = TraceDirection.Upstream })),
            ("GetNeighborhood", async () => await Queries.GetNeighborhoodAsync(new GetNeighborhoodRequest { Name = missing })),
        };
        foreach (var (what, call) in calls)
        {
            var failure = await RpcAssert.FailsAsync(StatusCode.NotFound, "NOT_FOUND", call);
            Assert.True(failure.ResourceInfo is not null, what);
            Assert.Equal(missing, failure.ResourceInfo!.ResourceName);
            Assert.Equal("knowledgegraph.v1.Entity", failure.ResourceInfo.ResourceType);
        }
    }

    [Theory]
    [InlineData("japan")]
    [InlineData("entities/Japan")]
    [InlineData("")]
    public async Task A_malformed_entity_name_is_invalid(string name)
    {
        var failure = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, "INVALID_NAME",
            () => Queries.TraceDependenciesAsync(new TraceDependenciesRequest { Root = name, Direction = TraceDirection.Upstream }));
        Assert.Contains("root", failure.ViolatedFields);
    }

    // Found by the fuzz tests: an as_of no Timestamp may hold crashed the handler (UNKNOWN).
    [Fact]
    public async Task An_as_of_outside_the_timestamp_range_is_out_of_range_in_every_query()
    {
        var g = await TwoCompaniesAsync();
        var asOf = new Google.Protobuf.WellKnownTypes.Timestamp { Seconds = 0, Nanos = 1_000_000_000 };
        var calls = new Func<Task>[]
        {
            async () => await Queries.FindPathsAsync(new FindPathsRequest { Source = g.Entity("a"), Target = g.Entity("b"), AsOf = asOf }),
            async () => await Queries.TraceDependenciesAsync(new TraceDependenciesRequest { Root = g.Entity("a"), Direction = TraceDirection.Upstream, AsOf = asOf }),
            async () => await Queries.FindChokepointsAsync(new FindChokepointsRequest { Root = g.Entity("a"), Direction = TraceDirection.Upstream, AsOf = asOf }),
            async () => await Queries.GetNeighborhoodAsync(new GetNeighborhoodRequest { Name = g.Entity("a"), AsOf = asOf }),
        };
        foreach (var call in calls)
            Assert.Contains("as_of", (await RpcAssert.FailsAsync(StatusCode.InvalidArgument, "OUT_OF_RANGE", call)).ViolatedFields);
    }

    // Found by the fuzz tests: a direction the API does not define was taken as neither way and answered emptily.
    [Fact]
    public async Task An_enum_value_the_api_does_not_define_is_refused()
    {
        var g = await TwoCompaniesAsync();
        var calls = new (string Field, Func<Task> Call)[]
        {
            ("direction", async () => await Queries.FindPathsAsync(new FindPathsRequest { Source = g.Entity("a"), Target = g.Entity("b"), Direction = (Direction)99 })),
            ("mode", async () => await Queries.FindPathsAsync(new FindPathsRequest { Source = g.Entity("a"), Target = g.Entity("b"), Mode = (PathMode)7 })),
            ("direction", async () => await Queries.TraceDependenciesAsync(new TraceDependenciesRequest { Root = g.Entity("a"), Direction = (TraceDirection)3 })),
            ("direction", async () => await Queries.FindChokepointsAsync(new FindChokepointsRequest { Root = g.Entity("a"), Direction = (TraceDirection)(-1) })),
            ("direction", async () => await Queries.GetNeighborhoodAsync(new GetNeighborhoodRequest { Name = g.Entity("a"), Direction = (Direction)4 })),
        };
        foreach (var (field, call) in calls)
            Assert.Contains(field, (await RpcAssert.FailsAsync(StatusCode.InvalidArgument, "OUT_OF_RANGE", call)).ViolatedFields);
    }

    public static TheoryData<string, int, string> PathRanges => new()
    {
        { "max_depth", 11, "1..10" },
        { "max_depth", -1, "1..10" },
        { "max_paths", 101, "1..100" },
        { "max_paths", -5, "1..100" },
    };

    [Theory]
    [MemberData(nameof(PathRanges))]
    public async Task Find_paths_limits_out_of_range_name_the_allowed_range(string field, int value, string range)
    {
        var g = await TwoCompaniesAsync();
        var request = new FindPathsRequest { Source = g.Entity("a"), Target = g.Entity("b") };
        if (field == "max_depth") request.MaxDepth = value; else request.MaxPaths = value;

        var failure = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, "OUT_OF_RANGE", () => Queries.FindPathsAsync(request));
        Assert.Equal([field], failure.ViolatedFields);
        Assert.Contains(range, failure.Message);
        Assert.Contains(value.ToString(), failure.Message);
    }

    public static TheoryData<string, int, string> TraceRanges => new()
    {
        { "max_depth", 11, "1..10" },
        { "max_depth", -2, "1..10" },
        { "max_routes", 1001, "1..1000" },
        { "max_results", 1001, "1..1000" },
        { "max_results", -1, "1..1000" },
    };

    [Theory]
    [MemberData(nameof(TraceRanges))]
    public async Task Trace_limits_out_of_range_name_the_allowed_range(string field, int value, string range)
    {
        var g = await TwoCompaniesAsync();
        var request = new TraceDependenciesRequest { Root = g.Entity("a"), Direction = TraceDirection.Upstream };
        if (field == "max_depth") request.MaxDepth = value;
        else if (field == "max_results") request.MaxResults = value;
        else request.MaxRoutes = value;

        var failure = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, "OUT_OF_RANGE", () => Queries.TraceDependenciesAsync(request));
        Assert.Equal([field], failure.ViolatedFields);
        Assert.Contains(range, failure.Message);
    }

    public static TheoryData<string, int, string> NeighborhoodRanges => new()
    {
        { "depth", 6, "1..5" },
        { "max_entities", 5001, "1..5000" },
    };

    [Theory]
    [MemberData(nameof(NeighborhoodRanges))]
    public async Task Neighborhood_limits_out_of_range_name_the_allowed_range(string field, int value, string range)
    {
        var g = await TwoCompaniesAsync();
        var request = new GetNeighborhoodRequest { Name = g.Entity("a") };
        if (field == "depth") request.Depth = value; else request.MaxEntities = value;

        var failure = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, "OUT_OF_RANGE", () => Queries.GetNeighborhoodAsync(request));
        Assert.Equal([field], failure.ViolatedFields);
        Assert.Contains(range, failure.Message);
    }

    [Fact]
    public async Task The_largest_allowed_limits_are_accepted()
    {
        var g = await TwoCompaniesAsync();
        await Queries.FindPathsAsync(new FindPathsRequest { Source = g.Entity("a"), Target = g.Entity("b"), MaxDepth = 10, MaxPaths = 100 });
        await Queries.TraceDependenciesAsync(new TraceDependenciesRequest { Root = g.Entity("a"), Direction = TraceDirection.Downstream, MaxDepth = 10, MaxRoutes = 1000, MinExposure = 1 });
        await Queries.GetNeighborhoodAsync(new GetNeighborhoodRequest { Name = g.Entity("a"), Depth = 5, MaxEntities = 5000 });
    }

    [Fact]
    public async Task An_unknown_relationship_type_is_invalid_and_the_known_types_are_listed()
    {
        var g = await TwoCompaniesAsync();
        var paths = new FindPathsRequest { Source = g.Entity("a"), Target = g.Entity("b"), RelationshipTypes = { "SUPPLIES", "OWNS" } };
        var failure = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, "UNKNOWN_RELATIONSHIP_TYPE", () => Queries.FindPathsAsync(paths));
        Assert.Equal(["relationship_types"], failure.ViolatedFields);
        Assert.Contains("OWNS", failure.Message);
        Assert.Contains("DEPENDS_ON", failure.Message);

        var neighborhood = new GetNeighborhoodRequest { Name = g.Entity("a"), RelationshipTypes = { "supplies" } };
        await RpcAssert.FailsAsync(StatusCode.InvalidArgument, "UNKNOWN_RELATIONSHIP_TYPE", () => Queries.GetNeighborhoodAsync(neighborhood));
    }

    [Fact]
    public async Task An_unknown_commodity_or_one_that_is_not_a_commodity_is_an_invalid_reference()
    {
        var g = await TwoCompaniesAsync();

        var missing = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, "INVALID_REFERENCE",
            () => Queries.TraceDependenciesAsync(new TraceDependenciesRequest { Root = g.Entity("a"), Direction = TraceDirection.Upstream, Commodity = g.Entity("unobtainium") }));
        Assert.Equal(["commodity"], missing.ViolatedFields);
        Assert.Contains("does not exist", missing.Message);

        var country = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, "INVALID_REFERENCE",
            () => Queries.TraceDependenciesAsync(new TraceDependenciesRequest { Root = g.Entity("a"), Direction = TraceDirection.Upstream, Commodity = g.Entity("land") }));
        Assert.Contains("not a Commodity", country.Message);

        await RpcAssert.FailsAsync(StatusCode.InvalidArgument, "INVALID_NAME",
            () => Queries.TraceDependenciesAsync(new TraceDependenciesRequest { Root = g.Entity("a"), Direction = TraceDirection.Upstream, Commodity = "gas" }));
    }

    [Fact]
    public async Task A_trace_without_a_direction_is_refused()
    {
        var g = await TwoCompaniesAsync();
        var failure = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, "MISSING_FIELD",
            () => Queries.TraceDependenciesAsync(new TraceDependenciesRequest { Root = g.Entity("a") }));
        Assert.Equal(["direction"], failure.ViolatedFields);
        Assert.Contains("UPSTREAM", failure.Message);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public async Task Min_exposure_outside_zero_to_one_is_out_of_range(double minExposure)
    {
        var g = await TwoCompaniesAsync();
        var failure = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, "OUT_OF_RANGE",
            () => Queries.TraceDependenciesAsync(new TraceDependenciesRequest { Root = g.Entity("a"), Direction = TraceDirection.Upstream, MinExposure = minExposure }));
        Assert.Equal(["min_exposure"], failure.ViolatedFields);
        Assert.Contains("[0, 1]", failure.Message);
    }
}
