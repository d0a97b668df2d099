using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using KnowledgeGraph.FunctionalTests.Infrastructure;
using KnowledgeGraph.V1;
using static KnowledgeGraph.FunctionalTests.Infrastructure.TestGraph;

namespace KnowledgeGraph.FunctionalTests;

[Collection(ServicesCollection.Name)]
public sealed class EntityServiceTests(SharedServices shared)
{
    private EntityService.EntityServiceClient Entities => shared.Services.Entities;
    private RelationshipService.RelationshipServiceClient Relationships => shared.Services.Relationships;

    // Found by the fuzz tests: the error quoted the whole name, and a status over the client's 64 KiB
    // trailer limit reached it as UNAVAILABLE ("Error starting gRPC call") instead of INVALID_ARGUMENT.
    [Fact]
    public async Task An_error_about_a_huge_input_quotes_it_cut_short()
    {
        var name = "entities/" + new string('X', 1 << 20);
        var failure = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, "INVALID_NAME", () => Entities.GetEntityAsync(new GetEntityRequest { Name = name }));
        Assert.InRange(failure.Message.Length, 1, 2048);

        var aliases = new Entity { Kind = "Country", DisplayName = "Many" };
        aliases.Aliases.AddRange(Enumerable.Range(0, 64).Select(i => new string((char)('a' + i % 26), 100_000)));
        aliases.Properties.Add(Enumerable.Range(0, 64).ToDictionary(i => $"{i}{new string('k', 10_000)}", _ => new PropertyValue { StringValue = "v" }));
        var many = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, "FIELD_TOO_LONG",
            () => Entities.CreateEntityAsync(new CreateEntityRequest { EntityId = TestGraph.UniqueId("many"), Entity = aliases }));
        Assert.NotEmpty(many.ViolatedFields);
    }

    [Fact]
    public async Task Create_then_get_returns_the_entity_with_server_fields()
    {
        var id = UniqueId("japan");
        var call = Entities.CreateEntityAsync(new CreateEntityRequest { EntityId = id, Entity = Entity("Country", "Japan", "Nippon") });
        var created = await call;
        var headers = await call.ResponseHeadersAsync;

        Assert.Equal($"entities/{id}", created.Name);
        Assert.NotEmpty(created.Etag);
        Assert.NotNull(created.CreateTime);
        Assert.False(string.IsNullOrEmpty(headers.GetValue("x-kg-consistency-token")));

        var fetched = await Entities.GetEntityAsync(new GetEntityRequest { Name = created.Name });
        Assert.Equal(created, fetched);
    }

    [Theory]
    [InlineData("Japan")]
    [InlineData("-japan")]
    [InlineData("ja pan")]
    [InlineData("")]
    public async Task Create_with_a_bad_id_is_invalid(string id)
    {
        var failure = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, "INVALID_ID",
            () => Entities.CreateEntityAsync(new CreateEntityRequest { EntityId = id, Entity = Entity("Country", "Japan") }));
        Assert.Contains("entity_id", failure.ViolatedFields);
    }

    [Fact]
    public async Task Create_with_an_unknown_kind_is_invalid_and_names_the_known_kinds()
    {
        var failure = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, "UNKNOWN_KIND",
            () => Entities.CreateEntityAsync(new CreateEntityRequest { EntityId = UniqueId("x"), Entity = Entity("Planet", "Mars") }));
        Assert.Contains("entity.kind", failure.ViolatedFields);
        Assert.Contains("Country", failure.Message);
    }

    [Fact]
    public async Task Create_with_a_badly_typed_property_reports_the_field()
    {
        var entity = Entity("Project", "Sakhalin-2");
        entity.Properties["capacity_mtpa"] = new PropertyValue { StringValue = "ten" };
        var failure = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, "WRONG_PROPERTY_TYPE",
            () => Entities.CreateEntityAsync(new CreateEntityRequest { EntityId = UniqueId("p"), Entity = entity }));
        Assert.Contains("entity.properties[capacity_mtpa]", failure.ViolatedFields);
    }

    [Fact]
    public async Task Duplicate_create_is_already_exists_with_resource_info()
    {
        var created = await Entities.CreateAsync("Country", "Russia");
        var failure = await RpcAssert.FailsAsync(StatusCode.AlreadyExists, "ALREADY_EXISTS",
            () => Entities.CreateEntityAsync(new CreateEntityRequest { EntityId = created.Name["entities/".Length..], Entity = Entity("Country", "Russia") }));
        Assert.Equal(created.Name, failure.ResourceInfo!.ResourceName);
    }

    [Fact]
    public async Task A_repeated_request_id_returns_the_first_result_and_writes_nothing()
    {
        var requestId = Guid.NewGuid().ToString();
        var first = await Entities.CreateEntityAsync(new CreateEntityRequest { EntityId = UniqueId("retry"), Entity = Entity("Country", "Retry"), RequestId = requestId });
        var second = await Entities.CreateEntityAsync(new CreateEntityRequest { EntityId = UniqueId("retry"), Entity = Entity("Country", "Retry"), RequestId = requestId });
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task Validate_only_checks_but_writes_nothing()
    {
        var id = UniqueId("dry");
        var answer = await Entities.CreateEntityAsync(new CreateEntityRequest { EntityId = id, Entity = Entity("Country", "Dry run"), ValidateOnly = true });
        Assert.Equal($"entities/{id}", answer.Name);
        await RpcAssert.FailsAsync(StatusCode.NotFound, "NOT_FOUND", () => Entities.GetEntityAsync(new GetEntityRequest { Name = answer.Name }));
    }

    [Fact]
    public async Task Get_of_a_missing_entity_is_not_found_with_resource_info()
    {
        var failure = await RpcAssert.FailsAsync(StatusCode.NotFound, "NOT_FOUND", () => Entities.GetEntityAsync(new GetEntityRequest { Name = "entities/atlantis" }));
        Assert.Equal("entities/atlantis", failure.ResourceInfo!.ResourceName);
        Assert.Equal("knowledgegraph.v1.Entity", failure.ResourceInfo.ResourceType);
    }

    [Fact]
    public async Task Get_with_a_malformed_name_is_invalid()
    {
        await RpcAssert.FailsAsync(StatusCode.InvalidArgument, "INVALID_NAME", () => Entities.GetEntityAsync(new GetEntityRequest { Name = "countries/japan" }));
    }

    [Fact]
    public async Task Batch_get_returns_entities_in_request_order_and_fails_whole_on_a_missing_one()
    {
        var a = await Entities.CreateAsync("Country", "A");
        var b = await Entities.CreateAsync("Country", "B");
        var response = await Entities.BatchGetEntitiesAsync(new BatchGetEntitiesRequest { Names = { b.Name, a.Name } });
        Assert.Equal([b.Name, a.Name], response.Entities.Select(e => e.Name));

        var failure = await RpcAssert.FailsAsync(StatusCode.NotFound, "NOT_FOUND",
            () => Entities.BatchGetEntitiesAsync(new BatchGetEntitiesRequest { Names = { a.Name, "entities/nowhere" } }));
        Assert.Equal("entities/nowhere", failure.ResourceInfo!.ResourceName);
    }

    [Fact]
    public async Task An_oversized_batch_is_invalid()
    {
        var request = new BatchGetEntitiesRequest();
        request.Names.AddRange(Enumerable.Range(0, 1001).Select(i => $"entities/e{i}"));
        var failure = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, "BATCH_TOO_LARGE", () => Entities.BatchGetEntitiesAsync(request));
        Assert.Contains("names", failure.ViolatedFields);
    }

    [Fact]
    public async Task List_pages_through_a_kind_in_name_order()
    {
        var kind = "Event";
        var created = new List<string>();
        for (var i = 0; i < 5; i++) created.Add((await Entities.CreateAsync(kind, $"Event {i}")).Name);

        var seen = new List<string>();
        var token = "";
        do
        {
            var page = await Entities.ListEntitiesAsync(new ListEntitiesRequest { PageSize = 2, PageToken = token, Filter = $"kind = \"{kind}\"" });
            Assert.True(page.Entities.Count <= 2);
            Assert.All(page.Entities, e => Assert.Equal(kind, e.Kind));
            seen.AddRange(page.Entities.Select(e => e.Name));
            token = page.NextPageToken;
        } while (token.Length > 0);

        Assert.Equal(seen.Order(StringComparer.Ordinal), seen);
        Assert.Superset(created.ToHashSet(), seen.ToHashSet());
    }

    [Fact]
    public async Task A_tampered_page_token_is_invalid()
    {
        for (var i = 0; i < 3; i++) await Entities.CreateAsync("Person", $"Person {i}");
        var page = await Entities.ListEntitiesAsync(new ListEntitiesRequest { PageSize = 1, Filter = "kind = \"Person\"" });
        var token = page.NextPageToken;
        var tampered = token[..^2] + (token[^2] == 'A' ? 'B' : 'A') + token[^1];

        await RpcAssert.FailsAsync(StatusCode.InvalidArgument, "INVALID_PAGE_TOKEN",
            () => Entities.ListEntitiesAsync(new ListEntitiesRequest { PageSize = 1, PageToken = tampered, Filter = "kind = \"Person\"" }));
        await RpcAssert.FailsAsync(StatusCode.InvalidArgument, "INVALID_PAGE_TOKEN",
            () => Entities.ListEntitiesAsync(new ListEntitiesRequest { PageSize = 1, PageToken = token, Filter = "kind = \"Country\"" }));
    }

    [Theory]
    [InlineData("colour = \"red\"", "INVALID_FILTER")]
    [InlineData("kind ~ Country", "INVALID_FILTER")]
    [InlineData("kind = \"Planet\"", "UNKNOWN_KIND")]
    public async Task A_bad_filter_is_invalid(string filter, string reason)
    {
        await RpcAssert.FailsAsync(StatusCode.InvalidArgument, reason, () => Entities.ListEntitiesAsync(new ListEntitiesRequest { Filter = filter }));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1001)]
    public async Task A_page_size_out_of_range_is_invalid(int pageSize)
    {
        var failure = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, "OUT_OF_RANGE", () => Entities.ListEntitiesAsync(new ListEntitiesRequest { PageSize = pageSize }));
        Assert.Contains("page_size", failure.ViolatedFields);
    }

    [Fact]
    public async Task Update_with_a_mask_changes_only_the_masked_fields()
    {
        var created = await Entities.CreateAsync("Company", "Jera", "JERA Co.");
        var patch = new Entity { Name = created.Name, DisplayName = "JERA", Description = "ignored" };
        var updated = await Entities.UpdateEntityAsync(new UpdateEntityRequest { Entity = patch, UpdateMask = new FieldMask { Paths = { "display_name" } } });

        Assert.Equal("JERA", updated.DisplayName);
        Assert.Equal("", updated.Description);
        Assert.Equal(created.Aliases, updated.Aliases);
        Assert.Equal(created.CreateTime, updated.CreateTime);
        Assert.NotEqual(created.Etag, updated.Etag);
    }

    [Fact]
    public async Task Update_can_set_and_remove_one_property_by_key()
    {
        var created = await Entities.CreateAsync("Project", "Alaska LNG");
        var set = new Entity { Name = created.Name };
        set.Properties["capacity_mtpa"] = new PropertyValue { NumberValue = 20 };
        var withCapacity = await Entities.UpdateEntityAsync(new UpdateEntityRequest { Entity = set, UpdateMask = new FieldMask { Paths = { "properties.capacity_mtpa" } } });
        Assert.Equal(20, withCapacity.Properties["capacity_mtpa"].NumberValue);

        var removed = await Entities.UpdateEntityAsync(new UpdateEntityRequest { Entity = new Entity { Name = created.Name }, UpdateMask = new FieldMask { Paths = { "properties.capacity_mtpa" } } });
        Assert.False(removed.Properties.ContainsKey("capacity_mtpa"));
    }

    [Fact]
    public async Task Update_with_a_stale_etag_is_aborted()
    {
        var created = await Entities.CreateAsync("Company", "Tokyo Gas");
        await Entities.UpdateEntityAsync(new UpdateEntityRequest { Entity = new Entity { Name = created.Name, DisplayName = "Tokyo Gas Co." }, UpdateMask = new FieldMask { Paths = { "display_name" } } });

        var stale = new Entity { Name = created.Name, DisplayName = "Lost update", Etag = created.Etag };
        var failure = await RpcAssert.FailsAsync(StatusCode.Aborted, "ETAG_MISMATCH",
            () => Entities.UpdateEntityAsync(new UpdateEntityRequest { Entity = stale, UpdateMask = new FieldMask { Paths = { "display_name" } } }));
        Assert.Equal(created.Name, failure.ResourceInfo!.ResourceName);
    }

    [Fact]
    public async Task Update_of_a_missing_entity_is_not_found_unless_allow_missing()
    {
        var name = $"entities/{UniqueId("new")}";
        var entity = Entity("Country", "Newland");
        entity.Name = name;
        await RpcAssert.FailsAsync(StatusCode.NotFound, "NOT_FOUND", () => Entities.UpdateEntityAsync(new UpdateEntityRequest { Entity = entity }));

        var created = await Entities.UpdateEntityAsync(new UpdateEntityRequest { Entity = entity, AllowMissing = true });
        Assert.Equal(name, created.Name);
    }

    [Fact]
    public async Task Update_with_an_unknown_mask_path_is_invalid()
    {
        var created = await Entities.CreateAsync("Country", "Masked");
        await RpcAssert.FailsAsync(StatusCode.InvalidArgument, "INVALID_FIELD_MASK",
            () => Entities.UpdateEntityAsync(new UpdateEntityRequest { Entity = new Entity { Name = created.Name }, UpdateMask = new FieldMask { Paths = { "etag" } } }));
    }

    [Fact]
    public async Task Delete_of_an_entity_with_relationships_needs_force_and_force_removes_them()
    {
        var project = await Entities.CreateAsync("Project", "Sakhalin-2");
        var country = await Entities.CreateAsync("Country", "Russia");
        var located = await Relationships.CreateAsync(Relationship("LOCATED_IN", project.Name, country.Name));

        var failure = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, "HAS_RELATIONSHIPS",
            () => Entities.DeleteEntityAsync(new DeleteEntityRequest { Name = country.Name }));
        Assert.Equal(country.Name, failure.ResourceInfo!.ResourceName);
        Assert.NotNull(await Relationships.GetRelationshipAsync(new GetRelationshipRequest { Name = located.Name }));

        await Entities.DeleteEntityAsync(new DeleteEntityRequest { Name = country.Name, Force = true });
        await RpcAssert.FailsAsync(StatusCode.NotFound, "NOT_FOUND", () => Entities.GetEntityAsync(new GetEntityRequest { Name = country.Name }));
        await RpcAssert.FailsAsync(StatusCode.NotFound, "NOT_FOUND", () => Relationships.GetRelationshipAsync(new GetRelationshipRequest { Name = located.Name }));
    }

    [Fact]
    public async Task Delete_with_a_stale_etag_is_aborted_and_a_missing_entity_is_not_found()
    {
        var created = await Entities.CreateAsync("Country", "Gone");
        await RpcAssert.FailsAsync(StatusCode.Aborted, "ETAG_MISMATCH", () => Entities.DeleteEntityAsync(new DeleteEntityRequest { Name = created.Name, Etag = "stale" }));
        await Entities.DeleteEntityAsync(new DeleteEntityRequest { Name = created.Name, Etag = created.Etag });
        await RpcAssert.FailsAsync(StatusCode.NotFound, "NOT_FOUND", () => Entities.DeleteEntityAsync(new DeleteEntityRequest { Name = created.Name }));
    }

    [Fact]
    public async Task Import_upserts_counts_and_reports_bad_rows_by_position()
    {
        var existing = await Entities.CreateAsync("Country", "Existing");
        var unchanged = existing.Clone();
        var changed = existing.Clone();
        changed.DisplayName = "Existing, renamed";
        var fresh = Entity("Commodity", "Helium");
        fresh.Name = $"entities/{UniqueId("helium")}";
        var bad = Entity("Planet", "Mars");
        bad.Name = $"entities/{UniqueId("mars")}";

        using var call = Entities.ImportEntities();
        await call.RequestStream.WriteAsync(new ImportEntitiesRequest { Entities = { fresh, bad } });
        await call.RequestStream.WriteAsync(new ImportEntitiesRequest { Entities = { unchanged } });
        await call.RequestStream.CompleteAsync();
        var first = await call;

        Assert.Equal((1, 0, 1, 1), (first.Created, first.Updated, first.Unchanged, first.Rejected));
        var error = Assert.Single(first.Errors);
        Assert.Equal((1, bad.Name, "INVALID_ARGUMENT", "UNKNOWN_KIND"), (error.Row, error.Name, error.Code, error.Reason));

        using var second = Entities.ImportEntities();
        await second.RequestStream.WriteAsync(new ImportEntitiesRequest { Entities = { changed } });
        await second.RequestStream.CompleteAsync();
        var summary = await second;
        Assert.Equal(1, summary.Updated);
        Assert.Equal("Existing, renamed", (await Entities.GetEntityAsync(new GetEntityRequest { Name = existing.Name })).DisplayName);
    }

    [Fact]
    public async Task Import_of_an_oversized_batch_is_invalid()
    {
        var batch = new ImportEntitiesRequest();
        batch.Entities.AddRange(Enumerable.Range(0, 1001).Select(i => { var e = Entity("Country", $"C{i}"); e.Name = $"entities/c{i}"; return e; }));
        using var call = Entities.ImportEntities();
        await call.RequestStream.WriteAsync(batch);
        await call.RequestStream.CompleteAsync();
        await RpcAssert.FailsAsync(StatusCode.InvalidArgument, "BATCH_TOO_LARGE", async () => await call);
    }

    [Fact]
    public async Task An_oversized_batch_is_answered_while_the_client_still_holds_the_stream_open()
    {
        var good = Named("Country", "Before the oversized batch");
        var oversized = new ImportEntitiesRequest();
        oversized.Entities.AddRange(Enumerable.Range(0, 1001).Select(i => Named("Country", $"Oversized {i}")));
        using var call = Entities.ImportEntities();
        await call.RequestStream.WriteAsync(new ImportEntitiesRequest { Entities = { good } });
        await call.RequestStream.WriteAsync(oversized);

        // No CompleteAsync: the answer must not wait for the end of the stream.
        await RpcAssert.FailsAsync(StatusCode.InvalidArgument, "BATCH_TOO_LARGE", async () => await call.ResponseAsync.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(good.DisplayName, (await Entities.GetEntityAsync(new GetEntityRequest { Name = good.Name })).DisplayName);
    }

    [Fact]
    public async Task An_import_cancelled_halfway_keeps_each_batch_whole_and_the_service_imports_again()
    {
        var first = Enumerable.Range(0, 3).Select(i => Named("Company", $"First batch {i}")).ToList();
        var second = Enumerable.Range(0, 500).Select(i => Named("Company", $"Second batch {i}")).ToList();
        using (var cancel = new CancellationTokenSource())
        {
            using var call = Entities.ImportEntities(cancellationToken: cancel.Token);
            await call.RequestStream.WriteAsync(new ImportEntitiesRequest { Entities = { first } });
            await WaitUntilStoredAsync(first[^1].Name);
            await call.RequestStream.WriteAsync(new ImportEntitiesRequest { Entities = { second } });
            await cancel.CancelAsync();
            await Assert.ThrowsAnyAsync<Exception>(async () => await call);
        }

        Assert.Equal(first.Count, await StoredCountAsync(first.Select(e => e.Name)));
        // The second batch was written whole or not at all, never in part.
        var secondStored = await StoredCountAsync(second.Select(e => e.Name));
        Assert.True(secondStored is 0 or 500, $"{secondStored} of the second batch's 500 rows were stored");

        var after = Named("Company", "After the cancelled import");
        using var again = Entities.ImportEntities();
        await again.RequestStream.WriteAsync(new ImportEntitiesRequest { Entities = { after } });
        await again.RequestStream.CompleteAsync();
        Assert.Equal(1, (await again).Created);
    }

    private static Entity Named(string kind, string displayName)
    {
        var entity = Entity(kind, displayName);
        entity.Name = $"entities/{UniqueId("import")}";
        return entity;
    }

    private async Task WaitUntilStoredAsync(string name)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await StoredCountAsync([name]) == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{name} was not stored within 30 s");
            await Task.Delay(20);
        }
    }

    private async Task<int> StoredCountAsync(IEnumerable<string> names)
    {
        var stored = 0;
        foreach (var name in names)
        {
            try
            {
                await Entities.GetEntityAsync(new GetEntityRequest { Name = name });
                stored++;
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
            {
            }
        }
        return stored;
    }
}
