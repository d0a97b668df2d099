using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using KnowledgeGraph.FunctionalTests.Infrastructure;
using KnowledgeGraph.Protocol;
using KnowledgeGraph.V1;
using static KnowledgeGraph.FunctionalTests.Infrastructure.TestGraph;

namespace KnowledgeGraph.FunctionalTests.LimitsTable;

/// <summary>
/// docs/limits.md row by row, over real gRPC clients against the three running services: for each
/// limit a request just inside it gets past it, and a request just outside it is refused with the
/// documented code and ErrorInfo reason, and a message and field violation that name the allowed range.
/// A row's key (<see cref="Rows"/>) is what the table's test column names; <see cref="LimitsDocumentTests"/>
/// checks that every row names a test that exists.
/// </summary>
[Collection(ServicesCollection.Name)]
public sealed class LimitsTableTests(SharedServices shared)
{
    /// <summary>
    /// One limit: <see cref="Inside"/> throws unless a request at the limit gets past it (null where
    /// <see cref="Outside"/> itself goes up to the limit first); <see cref="Outside"/> is the call one
    /// step beyond it, refused with <see cref="Code"/> and <see cref="Reason"/>; <see cref="Field"/> is
    /// the violated field (null when the code carries no BadRequest) and <see cref="Range"/> the text
    /// naming the allowed range that both the message and the field violation must hold.
    /// </summary>
    private sealed record Limit(Func<Task>? Inside, Func<Task> Outside, StatusCode Code, string Reason, string? Field, string Range);

    private KnowledgeGraphServices Kg => shared.Services;

    public static TheoryData<string> Rows => new(RowKeys);

    public static TheoryData<string> RowsWithInside => new(RowKeys.Where(row => row != "import-rows-per-call"));

    /// <summary>The rows, in the order of the table.</summary>
    public static readonly string[] RowKeys =
    [
        "message-unary", "message-stream", "page-size", "batch-get", "import-rows-per-message", "import-rows-per-call",
        "search-page-size", "search-query", "paths-max-depth", "paths-max-paths", "trace-max-depth", "trace-max-routes", "trace-max-results",
        "trace-exclude", "paths-exclude", "chokepoints-max-results", "chokepoints-max-depth", "neighborhood-depth",
        "neighborhood-max-entities", "min-exposure", "consistency-wait", "id", "name", "request-id", "filter",
        "display-name", "description", "aliases", "alias", "properties", "string-property", "external-id", "sources",
        "source-document", "source-quote", "source-reported-by", "as-of", "valid-from", "timestamp-property",
    ];

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task Just_outside_the_limit_is_refused_naming_the_range(string row)
    {
        var limit = await LimitAsync(row);
        var failure = await RpcAssert.FailsAsync(limit.Code, limit.Reason, limit.Outside);
        Assert.Contains(limit.Range, failure.Message, StringComparison.Ordinal);
        if (limit.Field is null) return;
        var violation = Assert.Single(failure.BadRequest!.FieldViolations, v => v.Field == limit.Field);
        Assert.Contains(limit.Range, violation.Description, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(RowsWithInside))]
    public async Task Just_inside_the_limit_gets_past_it(string row) => await (await LimitAsync(row)).Inside!();

    private async Task<Limit> LimitAsync(string row)
    {
        var invalid = StatusCode.InvalidArgument;
        switch (row)
        {
            case "message-unary":
                return new(
                    async () => await ExpectViolationAsync("entity.description", () => Kg.Entities.CreateEntityAsync(OfSize(Limits.MaxMessageBytes)).ResponseAsync),
                    async () => await Kg.Entities.CreateEntityAsync(OfSize(Limits.MaxMessageBytes + 1)),
                    StatusCode.ResourceExhausted, "MESSAGE_TOO_LARGE", "request", $"{Limits.MaxMessageBytes} bytes");
            case "message-stream":
                return new(
                    async () => Assert.Equal(1, (await ImportAsync([Import(Limits.MaxMessageBytes)])).Rejected),
                    async () => await ImportAsync([Import(Limits.MaxMessageBytes + 1)]),
                    StatusCode.ResourceExhausted, "MESSAGE_TOO_LARGE", "request", $"{Limits.MaxMessageBytes} bytes");
            case "page-size":
                return new(
                    async () => await Kg.Entities.ListEntitiesAsync(new ListEntitiesRequest { PageSize = Limits.MaxPageSize }),
                    async () => await Kg.Entities.ListEntitiesAsync(new ListEntitiesRequest { PageSize = Limits.MaxPageSize + 1 }),
                    invalid, "OUT_OF_RANGE", "page_size", $"1..{Limits.MaxPageSize} (0 means {Limits.DefaultPageSize})");
            case "batch-get":
            {
                var name = (await Kg.Entities.CreateAsync("Country", "Batch")).Name;
                BatchGetEntitiesRequest Names(int count) => new() { Names = { Enumerable.Repeat(name, count) } };
                return new(
                    async () => Assert.Equal(Limits.MaxBatchSize, (await Kg.Entities.BatchGetEntitiesAsync(Names(Limits.MaxBatchSize))).Entities.Count),
                    async () => await Kg.Entities.BatchGetEntitiesAsync(Names(Limits.MaxBatchSize + 1)),
                    invalid, "BATCH_TOO_LARGE", "names", $"at most {Limits.MaxBatchSize} items");
            }
            case "import-rows-per-message":
            {
                var id = UniqueId("rows");
                return new(
                    async () => Assert.Equal(Limits.MaxBatchSize, Written(await ImportAsync([RowsOf(id, Limits.MaxBatchSize)]))),
                    async () => await ImportAsync([RowsOf(id, Limits.MaxBatchSize + 1)]),
                    invalid, "BATCH_TOO_LARGE", "entities", $"at most {Limits.MaxBatchSize} items");
            }
            case "import-rows-per-call":
            {
                // Exactly the limit in full messages of one unchanged row repeated, then one row more.
                var full = RowsOf(UniqueId("million"), Limits.MaxBatchSize);
                var messages = Enumerable.Repeat(full, Limits.MaxImportRows / Limits.MaxBatchSize).Append(RowsOf(UniqueId("one-more"), 1));
                return new(null, async () => await ImportAsync(messages),
                    invalid, "BATCH_TOO_LARGE", "entities", $"at most {Limits.MaxImportRows} rows");
            }
            case "search-page-size":
                return new(
                    async () => await Kg.Queries.SearchEntitiesAsync(new SearchEntitiesRequest { Query = "x", PageSize = Limits.MaxSearchResults }),
                    async () => await Kg.Queries.SearchEntitiesAsync(new SearchEntitiesRequest { Query = "x", PageSize = Limits.MaxSearchResults + 1 }),
                    invalid, "OUT_OF_RANGE", "page_size", $"1..{Limits.MaxSearchResults} (0 means {Limits.DefaultSearchResults})");
            case "search-query":
                return new(
                    async () => await Kg.Queries.SearchEntitiesAsync(new SearchEntitiesRequest { Query = new string('q', Limits.MaxSearchQueryLength) }),
                    async () => await Kg.Queries.SearchEntitiesAsync(new SearchEntitiesRequest { Query = new string('q', Limits.MaxSearchQueryLength + 1) }),
                    invalid, "FIELD_TOO_LONG", "query", $"at most {Limits.MaxSearchQueryLength} characters");
            case "paths-max-depth":
                return await PathsAsync((r, v) => r.MaxDepth = v, Limits.MaxPathDepth, "max_depth", Limits.DefaultPathDepth);
            case "paths-max-paths":
                return await PathsAsync((r, v) => r.MaxPaths = v, Limits.MaxMaxPaths, "max_paths", Limits.DefaultMaxPaths);
            case "trace-max-depth":
                return await TraceAsync((r, v) => r.MaxDepth = v, Limits.MaxTraceDepth, "max_depth", Limits.DefaultTraceDepth);
            case "trace-max-routes":
                return await TraceAsync((r, v) => r.MaxRoutes = v, Limits.MaxMaxRoutes, "max_routes", Limits.DefaultMaxRoutes);
            case "trace-max-results":
                return await TraceAsync((r, v) => r.MaxResults = v, Limits.MaxTraceResults, "max_results", Limits.DefaultTraceResults);
            case "trace-exclude":
            {
                var (root, other) = (await Kg.Entities.CreateAsync("Company", "Root"), await Kg.Entities.CreateAsync("Company", "Excluded"));
                TraceDependenciesRequest Excluding(int count) => new() { Root = root.Name, Direction = TraceDirection.Upstream, Exclude = { Enumerable.Repeat(other.Name, count) } };
                return new(
                    async () => await Kg.Queries.TraceDependenciesAsync(Excluding(Limits.MaxExclusions)),
                    async () => await Kg.Queries.TraceDependenciesAsync(Excluding(Limits.MaxExclusions + 1)),
                    invalid, "OUT_OF_RANGE", "exclude", $"at most {Limits.MaxExclusions} names");
            }
            case "paths-exclude":
            {
                var (source, target, other) = (await Kg.Entities.CreateAsync("Company", "Source"), await Kg.Entities.CreateAsync("Company", "Target"), await Kg.Entities.CreateAsync("Company", "Excluded"));
                FindPathsRequest Excluding(int count) => new() { Source = source.Name, Target = target.Name, Exclude = { Enumerable.Repeat(other.Name, count) } };
                return new(
                    async () => await Kg.Queries.FindPathsAsync(Excluding(Limits.MaxExclusions)),
                    async () => await Kg.Queries.FindPathsAsync(Excluding(Limits.MaxExclusions + 1)),
                    invalid, "OUT_OF_RANGE", "exclude", $"at most {Limits.MaxExclusions} names");
            }
            case "chokepoints-max-results":
                return await ChokepointsAsync((r, v) => r.MaxResults = v, Limits.MaxChokepoints, "max_results", Limits.DefaultChokepoints);
            case "chokepoints-max-depth":
                return await ChokepointsAsync((r, v) => r.MaxDepth = v, Limits.MaxTraceDepth, "max_depth", Limits.DefaultTraceDepth);
            case "neighborhood-depth":
                return await NeighborhoodAsync((r, v) => r.Depth = v, Limits.MaxNeighborhoodDepth, "depth", Limits.DefaultNeighborhoodDepth);
            case "neighborhood-max-entities":
                return await NeighborhoodAsync((r, v) => r.MaxEntities = v, Limits.MaxNeighborhoodEntities, "max_entities", Limits.DefaultNeighborhoodEntities);
            case "min-exposure":
            {
                var root = await Kg.Entities.CreateAsync("Company", "Exposed");
                TraceDependenciesRequest AtLeast(double exposure) => new() { Root = root.Name, Direction = TraceDirection.Upstream, MinExposure = exposure };
                return new(
                    async () => await Kg.Queries.TraceDependenciesAsync(AtLeast(1)),
                    async () => await Kg.Queries.TraceDependenciesAsync(AtLeast(BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(1) + 1))),
                    invalid, "OUT_OF_RANGE", "min_exposure", "[0, 1]");
            }
            case "consistency-wait":
            {
                var name = (await Kg.Entities.CreateAsync("Country", "Awaited")).Name;
                // A token of a write the store has not made (yet): the read waits for it, up to the limit.
                var future = new Metadata { { ApiHeaders.ConsistencyToken, $"e1.{long.MaxValue}" } };
                return new(
                    async () => await Kg.Entities.GetEntityAsync(new GetEntityRequest { Name = name }),
                    async () => await Kg.Entities.GetEntityAsync(new GetEntityRequest { Name = name }, future),
                    StatusCode.Unavailable, "CONSISTENCY_TIMEOUT", null, $"{Limits.MaxConsistencyWait.TotalMilliseconds:0} ms");
            }
            case "id":
            {
                // Ids are at most 63 characters: a unique prefix padded to the length wanted.
                string Id(int length) => UniqueId("id").PadRight(length, 'x');
                return new(
                    async () => await Kg.Entities.CreateEntityAsync(new CreateEntityRequest { EntityId = Id(63), Entity = Entity("Country", "Long id") }),
                    async () => await Kg.Entities.CreateEntityAsync(new CreateEntityRequest { EntityId = Id(64), Entity = Entity("Country", "Too long id") }),
                    invalid, "INVALID_ID", "entity_id", "at most 63");
            }
            case "name":
            {
                var id = UniqueId("name").PadRight(63, 'x');
                await Kg.Entities.CreateEntityAsync(new CreateEntityRequest { EntityId = id, Entity = Entity("Country", "Long name") });
                return new(
                    async () => await Kg.Entities.GetEntityAsync(new GetEntityRequest { Name = $"entities/{id}" }),
                    async () => await Kg.Entities.GetEntityAsync(new GetEntityRequest { Name = $"entities/{id}x" }),
                    invalid, "INVALID_NAME", "name", "[a-z0-9][a-z0-9-]{0,62}");
            }
            case "request-id":
                return new(
                    async () => await Kg.Entities.CreateEntityAsync(new CreateEntityRequest { EntityId = UniqueId("rid"), Entity = Entity("Country", "R"), RequestId = UniqueId("r").PadRight(Limits.MaxRequestIdLength, 'r') }),
                    async () => await Kg.Entities.CreateEntityAsync(new CreateEntityRequest { EntityId = UniqueId("rid"), Entity = Entity("Country", "R"), RequestId = new string('r', Limits.MaxRequestIdLength + 1) }),
                    invalid, "FIELD_TOO_LONG", "request_id", $"at most {Limits.MaxRequestIdLength} characters");
            case "filter":
            {
                // Spaces around a term are allowed, so a valid filter can be padded to any length.
                ListEntitiesRequest Filtered(int length) => new() { PageSize = 1, Filter = "kind = \"Country\"".PadRight(length) };
                return new(
                    async () => await Kg.Entities.ListEntitiesAsync(Filtered(Limits.MaxFilterLength)),
                    async () => await Kg.Entities.ListEntitiesAsync(Filtered(Limits.MaxFilterLength + 1)),
                    invalid, "INVALID_FILTER", "filter", $"at most {Limits.MaxFilterLength} characters");
            }
            case "display-name":
                return EntityLimit((e, n) => e.DisplayName = new string('d', n), Limits.MaxDisplayNameLength, "entity.display_name", "characters");
            case "description":
                return EntityLimit((e, n) => e.Description = new string('d', n), Limits.MaxDescriptionLength, "entity.description", "characters");
            case "aliases":
                return EntityLimit((e, n) => e.Aliases.AddRange(Enumerable.Range(0, n).Select(i => $"alias {i}")), Limits.MaxAliases, "entity.aliases", "aliases");
            case "alias":
                return EntityLimit((e, n) => e.Aliases.Add(new string('a', n)), Limits.MaxAliasLength, "entity.aliases[0]", "characters");
            case "properties":
            {
                // No kind has 64 properties, so at the limit only the unknown ones are refused, not their number.
                Entity With(int count) => Of(e => e.Properties.Add(Enumerable.Range(0, count).ToDictionary(i => $"p{i}", _ => new PropertyValue { StringValue = "v" })));
                return new(
                    async () => Assert.DoesNotContain("entity.properties", await ExpectViolationAsync("entity.properties[p0]", () => CreateAsync(With(Limits.MaxProperties)))),
                    () => CreateAsync(With(Limits.MaxProperties + 1)),
                    invalid, "FIELD_TOO_LONG", "entity.properties", $"at most {Limits.MaxProperties} properties");
            }
            case "string-property":
                return EntityLimit((e, n) => e.Properties["capital"] = new PropertyValue { StringValue = new string('c', n) }, Limits.MaxStringPropertyLength, "entity.properties[capital]", "characters");
            case "external-id":
                return EntityLimit((e, n) => e.ExternalIds["wikidata"] = "Q" + new string('7', n - 1), Limits.MaxExternalIdLength, "entity.external_ids[wikidata]", "characters");
            case "sources":
                return EntityLimit((e, n) => e.Sources.AddRange(Enumerable.Range(0, n - 1).Select(i => new Source { Document = $"doc-{i}" })), Limits.MaxSources, "entity.sources", "sources");
            case "source-document":
                return EntityLimit((e, n) => e.Sources[0].Document = "https://example.org/" + new string('d', n - 20), Limits.MaxDocumentLength, "entity.sources[0].document", "characters");
            case "source-quote":
                return EntityLimit((e, n) => e.Sources[0].Quote = new string('q', n), Limits.MaxQuoteLength, "entity.sources[0].quote", "characters");
            case "source-reported-by":
                return EntityLimit((e, n) => e.Sources[0].ReportedBy = new string('r', n), Limits.MaxReportedByLength, "entity.sources[0].reported_by", "characters");
            case "as-of":
            {
                var name = (await Kg.Entities.CreateAsync("Country", "Then")).Name;
                return new(
                    async () => await Kg.Queries.GetNeighborhoodAsync(new GetNeighborhoodRequest { Name = name, AsOf = LastInstant }),
                    async () => await Kg.Queries.GetNeighborhoodAsync(new GetNeighborhoodRequest { Name = name, AsOf = AfterLastInstant }),
                    invalid, "OUT_OF_RANGE", "as_of", TimestampRange);
            }
            case "valid-from":
            {
                var (a, b) = (await Kg.Entities.CreateAsync("Country", "From"), await Kg.Entities.CreateAsync("Country", "To"));
                Relationship Valid(Timestamp from) { var r = Relationship("SUPPLIES", a.Name, b.Name); r.ValidFrom = from; return r; }
                return new(
                    async () => await Kg.Relationships.CreateAsync(Valid(FirstInstant)),
                    async () => await Kg.Relationships.CreateAsync(Valid(BeforeFirstInstant)),
                    invalid, "INVALID_VALIDITY", "relationship.valid_from", TimestampRange);
            }
            case "timestamp-property":
            {
                Entity Signed(Timestamp on) { var e = Entity("Agreement", "Signed"); e.Properties["signed_on"] = new PropertyValue { TimestampValue = on }; return e; }
                return new(
                    async () => await CreateAsync(Signed(LastInstant)),
                    () => CreateAsync(Signed(AfterLastInstant)),
                    invalid, "PROPERTY_OUT_OF_RANGE", "entity.properties[signed_on]", TimestampRange);
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(row), row, "no such row of docs/limits.md");
        }
    }

    [Fact]
    public async Task A_query_without_a_deadline_stops_at_the_configured_max_query_time_and_says_so()
    {
        await using var kg = new KnowledgeGraphServices(new Dictionary<string, string> { ["KnowledgeGraph:Queries:MaxQueryTime"] = "00:00:00", ["KnowledgeGraph:Queries:Engine"] = "Store" });
        var graph = new Queries.QueryGraph(kg);
        await graph.AddAsync("Company", "a", "b");
        await graph.LinkAsync("ab", "DEPENDS_ON", "a", "b", 0.5);

        var response = await kg.Queries.TraceDependenciesAsync(new TraceDependenciesRequest { Root = graph.Entity("a"), Direction = TraceDirection.Upstream });

        Assert.True(response.Truncated);
        Assert.Equal([Bound.Deadline], response.BoundsHit);
    }

    /// <summary>Answers a client cannot be sent whole: about 225 KB an entity, 80 of them are over the 16 MiB message limit.</summary>
    [Fact]
    public async Task Reads_never_answer_beyond_the_message_limit()
    {
        const int Count = 80;
        await using var kg = new KnowledgeGraphServices();
        var big = Enumerable.Range(0, Count).Select(i =>
        {
            var e = Of(e => e.Description = new string('d', Limits.MaxDescriptionLength));
            e.Name = $"entities/big-{i:00}";
            e.Aliases.AddRange(Enumerable.Range(0, Limits.MaxAliases).Select(a => $"{a}".PadRight(Limits.MaxAliasLength, 'a')));
            e.Sources.Clear();
            e.Sources.AddRange(Enumerable.Range(0, Limits.MaxSources).Select(s => new Source { Document = $"doc-{s}".PadRight(Limits.MaxDocumentLength, 'd'), Quote = new string('q', Limits.MaxQuoteLength) }));
            return e;
        }).ToList();
        Assert.True(big.Sum(e => e.CalculateSize()) > Limits.MaxMessageBytes);
        using (var import = kg.Entities.ImportEntities())
        {
            foreach (var chunk in big.Chunk(20)) await import.RequestStream.WriteAsync(new ImportEntitiesRequest { Entities = { chunk } });
            await import.RequestStream.CompleteAsync();
            Assert.Equal(Count, (await import).Created);
        }

        // A list page stops short of the limit, and its token goes on from there.
        var listed = new List<string>();
        var pages = 0;
        for (var token = ""; pages == 0 || token.Length > 0; pages++)
        {
            var page = await kg.Entities.ListEntitiesAsync(new ListEntitiesRequest { PageSize = Limits.MaxPageSize, PageToken = token });
            Assert.True(page.CalculateSize() <= Limits.MaxMessageBytes);
            listed.AddRange(page.Entities.Select(e => e.Name));
            token = page.NextPageToken;
        }
        Assert.Equal(big.Select(e => e.Name), listed);
        Assert.True(pages > 1);

        // A batch get is all or nothing, so it is refused whole.
        var failure = await RpcAssert.FailsAsync(StatusCode.ResourceExhausted, "MESSAGE_TOO_LARGE",
            () => kg.Entities.BatchGetEntitiesAsync(new BatchGetEntitiesRequest { Names = { big.Select(e => e.Name) } }));
        Assert.Contains($"{Limits.MaxMessageBytes} bytes", failure.Message, StringComparison.Ordinal);
        Assert.Equal(["names"], failure.ViolatedFields);
    }

    [Fact]
    public async Task A_json_request_line_over_the_server_limit_is_refused_before_any_method_runs()
    {
        var limit = new Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerLimits().MaxRequestLineSize;
        using var http = Kg.EntitiesHost.CreateHttpClient();
        // "GET {path} HTTP/1.1\r\n": a page token padded so the line is exactly the limit, then one byte more.
        string Path(int lineLength) => "/v1/entities?pageToken=".PadRight(lineLength - "GET  HTTP/1.1\r\n".Length, 't');

        var inside = await http.GetAsync(Path(limit));
        await RpcAssert.JsonFailsAsync(inside, System.Net.HttpStatusCode.BadRequest, StatusCode.InvalidArgument, "INVALID_PAGE_TOKEN");
        try
        {
            var outside = await http.GetAsync(Path(limit + 1));
            Assert.Equal(System.Net.HttpStatusCode.RequestUriTooLong, outside.StatusCode);
        }
        catch (HttpRequestException) { /* or Kestrel closes the connection, as documented */ }
    }

    private const string TimestampRange = "0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z";
    private static Timestamp FirstInstant => new() { Seconds = -62_135_596_800 };
    private static Timestamp BeforeFirstInstant => new() { Seconds = -62_135_596_800, Nanos = -1 };
    private static Timestamp LastInstant => new() { Seconds = 253_402_300_799, Nanos = 999_999_999 };
    private static Timestamp AfterLastInstant => new() { Seconds = 253_402_300_800 };

    /// <summary>A valid Country changed by <paramref name="change"/>.</summary>
    private static Entity Of(Action<Entity> change)
    {
        var entity = Entity("Country", "Limited");
        change(entity);
        return entity;
    }

    private Task CreateAsync(Entity entity) =>
        Kg.Entities.CreateEntityAsync(new CreateEntityRequest { EntityId = UniqueId("limit"), Entity = entity }).ResponseAsync;

    /// <summary>A limit of an entity's field: <paramref name="set"/> puts <c>n</c> of something in it; <paramref name="unit"/> is what the limit counts.</summary>
    private Limit EntityLimit(Action<Entity, int> set, int max, string field, string unit) => new(
        () => CreateAsync(Of(e => set(e, max))),
        () => CreateAsync(Of(e => set(e, max + 1))),
        StatusCode.InvalidArgument, "FIELD_TOO_LONG", field, $"at most {max} {unit}");

    private async Task<Limit> PathsAsync(Action<FindPathsRequest, int> set, int max, string field, int defaultValue)
    {
        var (source, target) = (await Kg.Entities.CreateAsync("Company", "Source"), await Kg.Entities.CreateAsync("Company", "Target"));
        FindPathsRequest With(int value) { var r = new FindPathsRequest { Source = source.Name, Target = target.Name }; set(r, value); return r; }
        return Ranged(async value => await Kg.Queries.FindPathsAsync(With(value)), max, field, defaultValue);
    }

    private async Task<Limit> TraceAsync(Action<TraceDependenciesRequest, int> set, int max, string field, int defaultValue)
    {
        var root = await Kg.Entities.CreateAsync("Company", "Root");
        TraceDependenciesRequest With(int value) { var r = new TraceDependenciesRequest { Root = root.Name, Direction = TraceDirection.Upstream }; set(r, value); return r; }
        return Ranged(async value => await Kg.Queries.TraceDependenciesAsync(With(value)), max, field, defaultValue);
    }

    private async Task<Limit> ChokepointsAsync(Action<FindChokepointsRequest, int> set, int max, string field, int defaultValue)
    {
        var root = await Kg.Entities.CreateAsync("Company", "Root");
        FindChokepointsRequest With(int value) { var r = new FindChokepointsRequest { Root = root.Name, Direction = TraceDirection.Upstream }; set(r, value); return r; }
        return Ranged(async value => await Kg.Queries.FindChokepointsAsync(With(value)), max, field, defaultValue);
    }

    private async Task<Limit> NeighborhoodAsync(Action<GetNeighborhoodRequest, int> set, int max, string field, int defaultValue)
    {
        var name = (await Kg.Entities.CreateAsync("Company", "Centre")).Name;
        GetNeighborhoodRequest With(int value) { var r = new GetNeighborhoodRequest { Name = name }; set(r, value); return r; }
        return Ranged(async value => await Kg.Queries.GetNeighborhoodAsync(With(value)), max, field, defaultValue);
    }

    /// <summary>A query parameter of range 1..<paramref name="max"/> where 0 means <paramref name="defaultValue"/>.</summary>
    private static Limit Ranged(Func<int, Task> call, int max, string field, int defaultValue) =>
        new(() => call(max), () => call(max + 1), StatusCode.InvalidArgument, "OUT_OF_RANGE", field, $"1..{max} (0 means {defaultValue})");

    /// <summary>Asserts the call is refused as INVALID_ARGUMENT with a violation of <paramref name="field"/>; returns the fields violated.</summary>
    private static async Task<IReadOnlyList<string>> ExpectViolationAsync(string field, Func<Task> call)
    {
        var error = await Assert.ThrowsAsync<RpcException>(call);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        var fields = error.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>().FieldViolations.Select(v => v.Field).ToList();
        Assert.Contains(field, fields);
        return fields;
    }

    /// <summary>A CreateEntity request of exactly <paramref name="bytes"/> bytes (its description fills it).</summary>
    private static CreateEntityRequest OfSize(int bytes) => Filled(new CreateEntityRequest { EntityId = UniqueId("huge"), Entity = Entity("Country", "Huge") }, r => r.Entity, bytes);

    /// <summary>One ImportEntities message of exactly <paramref name="bytes"/> bytes: one row whose description fills it.</summary>
    private static ImportEntitiesRequest Import(int bytes)
    {
        var row = Entity("Country", "Huge");
        row.Name = $"entities/{UniqueId("huge")}";
        return Filled(new ImportEntitiesRequest { Entities = { row } }, r => r.Entities[0], bytes);
    }

    private static T Filled<T>(T message, Func<T, Entity> entity, int bytes) where T : IMessage
    {
        for (var length = bytes - message.CalculateSize(); message.CalculateSize() != bytes; length += bytes - message.CalculateSize())
            entity(message).Description = new string('x', length);
        return message;
    }

    /// <summary>One ImportEntities message of <paramref name="count"/> rows, all the same Country <paramref name="id"/>.</summary>
    private static ImportEntitiesRequest RowsOf(string id, int count)
    {
        var row = new Entity { Name = $"entities/{id}", Kind = "Country", DisplayName = "Row" };
        return new ImportEntitiesRequest { Entities = { Enumerable.Repeat(row, count) } };
    }

    private static int Written(ImportSummary summary) => summary.Created + summary.Updated + summary.Unchanged;

    private async Task<ImportSummary> ImportAsync(IEnumerable<ImportEntitiesRequest> messages)
    {
        using var call = Kg.Entities.ImportEntities();
        try
        {
            foreach (var message in messages) await call.RequestStream.WriteAsync(message);
            await call.RequestStream.CompleteAsync();
        }
        catch (RpcException) { /* the server refused the stream while it was written: its status is the call's */ }
        catch (InvalidOperationException) { /* the call already completed */ }
        return await call.ResponseAsync;
    }
}
