using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using KnowledgeGraph.FunctionalTests.Infrastructure;
using KnowledgeGraph.V1;
using static KnowledgeGraph.FunctionalTests.Infrastructure.TestGraph;

namespace KnowledgeGraph.FunctionalTests;

[Collection(ServicesCollection.Name)]
public sealed class RelationshipServiceTests(SharedServices shared)
{
    private EntityService.EntityServiceClient Entities => shared.Services.Entities;
    private RelationshipService.RelationshipServiceClient Relationships => shared.Services.Relationships;

    private async Task<(Entity Project, Entity Country)> ProjectAndCountryAsync() =>
        (await Entities.CreateAsync("Project", "Sakhalin-2"), await Entities.CreateAsync("Country", "Japan"));

    [Fact]
    public async Task Create_then_get_returns_the_relationship_with_its_evidence()
    {
        var (project, japan) = await ProjectAndCountryAsync();
        var relationship = Relationship("SUPPLIES", project.Name, japan.Name, share: 0.09);
        relationship.ValidTo = Date(2033);
        relationship.Sources.Add(new Source { Document = "us-japan-rare-earths-framework", Quote = "around 9 percent", Confidence = 0.9 });

        var created = await Relationships.CreateAsync(relationship);
        var fetched = await Relationships.GetRelationshipAsync(new GetRelationshipRequest { Name = created.Name });

        Assert.Equal(created, fetched);
        Assert.Equal(0.09, fetched.Properties["share"].NumberValue);
        Assert.Equal(Date(2033), fetched.ValidTo);
        Assert.Equal("around 9 percent", Assert.Single(fetched.Sources).Quote);
    }

    [Fact]
    public async Task A_missing_endpoint_is_a_failed_precondition_naming_it()
    {
        var japan = await Entities.CreateAsync("Country", "Japan");
        var failure = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, "ENDPOINT_NOT_FOUND",
            () => Relationships.CreateRelationshipAsync(new CreateRelationshipRequest { RelationshipId = UniqueId("r"), Relationship = Relationship("SUPPLIES", "entities/no-such-project", japan.Name, 0.5) }));
        Assert.Equal("entities/no-such-project", failure.ResourceInfo!.ResourceName);
    }

    [Fact]
    public async Task A_wrong_endpoint_kind_is_invalid()
    {
        var (project, japan) = await ProjectAndCountryAsync();
        var failure = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, "WRONG_ENDPOINT_KIND",
            () => Relationships.CreateRelationshipAsync(new CreateRelationshipRequest { RelationshipId = UniqueId("r"), Relationship = Relationship("LOCATED_IN", japan.Name, project.Name) }));
        Assert.Contains("relationship.source", failure.ViolatedFields);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.5)]
    public async Task A_share_outside_zero_to_one_is_invalid(double share)
    {
        var (project, japan) = await ProjectAndCountryAsync();
        var failure = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, "PROPERTY_OUT_OF_RANGE",
            () => Relationships.CreateRelationshipAsync(new CreateRelationshipRequest { RelationshipId = UniqueId("r"), Relationship = Relationship("SUPPLIES", project.Name, japan.Name, share) }));
        Assert.Contains("relationship.properties[share]", failure.ViolatedFields);
    }

    [Fact]
    public async Task Unknown_type_missing_type_and_reversed_validity_are_each_reported()
    {
        var (project, japan) = await ProjectAndCountryAsync();
        await RpcAssert.FailsAsync(StatusCode.InvalidArgument, "UNKNOWN_RELATIONSHIP_TYPE",
            () => Relationships.CreateRelationshipAsync(new CreateRelationshipRequest { RelationshipId = UniqueId("r"), Relationship = Relationship("LOVES", project.Name, japan.Name) }));
        await RpcAssert.FailsAsync(StatusCode.InvalidArgument, "MISSING_FIELD",
            () => Relationships.CreateRelationshipAsync(new CreateRelationshipRequest { RelationshipId = UniqueId("r"), Relationship = Relationship("", project.Name, japan.Name) }));
        var reversed = Relationship("SUPPLIES", project.Name, japan.Name, 0.1);
        reversed.ValidFrom = Date(2030);
        reversed.ValidTo = Date(2020);
        await RpcAssert.FailsAsync(StatusCode.InvalidArgument, "INVALID_VALIDITY",
            () => Relationships.CreateRelationshipAsync(new CreateRelationshipRequest { RelationshipId = UniqueId("r"), Relationship = reversed }));
    }

    [Fact]
    public async Task A_supply_stated_without_its_share_is_kept_without_one()
    {
        var (project, japan) = await ProjectAndCountryAsync();

        var created = await Relationships.CreateRelationshipAsync(new CreateRelationshipRequest { RelationshipId = UniqueId("r"), Relationship = Relationship("SUPPLIES", project.Name, japan.Name) });

        Assert.False(created.Properties.ContainsKey("share"));
        var fetched = await Relationships.GetRelationshipAsync(new GetRelationshipRequest { Name = created.Name });
        Assert.False(fetched.Properties.ContainsKey("share"));
    }

    [Fact]
    public async Task A_malformed_source_is_invalid()
    {
        var failure = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, "INVALID_SOURCE",
            () => Relationships.CreateRelationshipAsync(new CreateRelationshipRequest
            {
                RelationshipId = UniqueId("r"),
                Relationship = new Relationship { Type = "LOCATED_IN", Source = "entities/a", Target = "entities/b", Sources = { new Source { Document = "ftp://example.org/x" } } },
            }));
        Assert.Contains("relationship.sources[0].document", failure.ViolatedFields);
    }

    [Fact]
    public async Task Duplicate_create_is_already_exists()
    {
        var (project, japan) = await ProjectAndCountryAsync();
        var created = await Relationships.CreateAsync(Relationship("SUPPLIES", project.Name, japan.Name, 0.2));
        await RpcAssert.FailsAsync(StatusCode.AlreadyExists, "ALREADY_EXISTS",
            () => Relationships.CreateRelationshipAsync(new CreateRelationshipRequest { RelationshipId = created.Name["relationships/".Length..], Relationship = Relationship("SUPPLIES", project.Name, japan.Name, 0.2) }));
    }

    [Fact]
    public async Task List_filters_by_entity_direction_and_type()
    {
        var (project, japan) = await ProjectAndCountryAsync();
        var russia = await Entities.CreateAsync("Country", "Russia");
        var supplies = await Relationships.CreateAsync(Relationship("SUPPLIES", project.Name, japan.Name, 0.09));
        var located = await Relationships.CreateAsync(Relationship("LOCATED_IN", project.Name, russia.Name));

        async Task<string[]> NamesAsync(string filter) =>
            (await Relationships.ListRelationshipsAsync(new ListRelationshipsRequest { Filter = filter })).Relationships.Select(r => r.Name).ToArray();

        Assert.Equal(new[] { located.Name, supplies.Name }.Order(StringComparer.Ordinal), await NamesAsync($"entity = \"{project.Name}\" AND direction = OUTGOING"));
        Assert.Empty(await NamesAsync($"entity = \"{project.Name}\" AND direction = INCOMING"));
        Assert.Equal([supplies.Name], await NamesAsync($"entity = \"{japan.Name}\" AND direction = INCOMING"));
        Assert.Equal([located.Name], await NamesAsync($"source = \"{project.Name}\" AND type = \"LOCATED_IN\""));
        Assert.Equal([supplies.Name], await NamesAsync($"target = \"{japan.Name}\""));
    }

    [Theory]
    [InlineData("type = \"LOVES\"", "UNKNOWN_RELATIONSHIP_TYPE")]
    [InlineData("direction = OUTGOING", "INVALID_FILTER")]
    [InlineData("entity = \"entities/x\" AND direction = UP", "INVALID_FILTER")]
    [InlineData("source = \"japan\"", "INVALID_NAME")]
    public async Task A_bad_filter_is_invalid(string filter, string reason)
    {
        await RpcAssert.FailsAsync(StatusCode.InvalidArgument, reason, () => Relationships.ListRelationshipsAsync(new ListRelationshipsRequest { Filter = filter }));
    }

    [Fact]
    public async Task List_pages_and_rejects_a_tampered_token()
    {
        var (project, japan) = await ProjectAndCountryAsync();
        for (var i = 0; i < 3; i++) await Relationships.CreateAsync(Relationship("SUPPLIES", project.Name, japan.Name, 0.1 * (i + 1)));
        var filter = $"source = \"{project.Name}\"";
        var first = await Relationships.ListRelationshipsAsync(new ListRelationshipsRequest { Filter = filter, PageSize = 2 });
        var second = await Relationships.ListRelationshipsAsync(new ListRelationshipsRequest { Filter = filter, PageSize = 2, PageToken = first.NextPageToken });
        Assert.Equal(2, first.Relationships.Count);
        Assert.Single(second.Relationships);
        Assert.Equal("", second.NextPageToken);

        await RpcAssert.FailsAsync(StatusCode.InvalidArgument, "INVALID_PAGE_TOKEN",
            () => Relationships.ListRelationshipsAsync(new ListRelationshipsRequest { Filter = filter, PageSize = 2, PageToken = "x" + first.NextPageToken }));
    }

    [Fact]
    public async Task Batch_get_fails_whole_on_a_missing_name_and_on_an_oversized_batch()
    {
        var (project, japan) = await ProjectAndCountryAsync();
        var created = await Relationships.CreateAsync(Relationship("SUPPLIES", project.Name, japan.Name, 0.3));
        var found = await Relationships.BatchGetRelationshipsAsync(new BatchGetRelationshipsRequest { Names = { created.Name } });
        Assert.Equal(created, Assert.Single(found.Relationships));

        await RpcAssert.FailsAsync(StatusCode.NotFound, "NOT_FOUND",
            () => Relationships.BatchGetRelationshipsAsync(new BatchGetRelationshipsRequest { Names = { created.Name, "relationships/none" } }));
        var oversized = new BatchGetRelationshipsRequest();
        oversized.Names.AddRange(Enumerable.Range(0, 1001).Select(i => $"relationships/r{i}"));
        await RpcAssert.FailsAsync(StatusCode.InvalidArgument, "BATCH_TOO_LARGE", () => Relationships.BatchGetRelationshipsAsync(oversized));
    }

    [Fact]
    public async Task Update_changes_masked_fields_keeps_endpoints_and_checks_the_etag()
    {
        var (project, japan) = await ProjectAndCountryAsync();
        var created = await Relationships.CreateAsync(Relationship("SUPPLIES", project.Name, japan.Name, 0.09));

        var patch = new Relationship { Name = created.Name, ValidTo = Date(2030), Etag = created.Etag };
        var updated = await Relationships.UpdateRelationshipAsync(new UpdateRelationshipRequest { Relationship = patch, UpdateMask = new FieldMask { Paths = { "valid_to" } } });
        Assert.Equal(Date(2030), updated.ValidTo);
        Assert.Equal(0.09, updated.Properties["share"].NumberValue);
        Assert.Equal(created.Source, updated.Source);

        await RpcAssert.FailsAsync(StatusCode.Aborted, "ETAG_MISMATCH",
            () => Relationships.UpdateRelationshipAsync(new UpdateRelationshipRequest { Relationship = patch, UpdateMask = new FieldMask { Paths = { "valid_to" } } }));
    }

    [Fact]
    public async Task Update_cannot_move_a_relationship_to_other_endpoints()
    {
        var (project, japan) = await ProjectAndCountryAsync();
        var other = await Entities.CreateAsync("Country", "Other");
        var created = await Relationships.CreateAsync(Relationship("SUPPLIES", project.Name, japan.Name, 0.09));
        var failure = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, "IMMUTABLE_FIELD",
            () => Relationships.UpdateRelationshipAsync(new UpdateRelationshipRequest { Relationship = new Relationship { Name = created.Name, Target = other.Name } }));
        Assert.Contains("relationship.target", failure.ViolatedFields);
    }

    [Fact]
    public async Task Delete_checks_the_etag_and_then_removes()
    {
        var (project, japan) = await ProjectAndCountryAsync();
        var created = await Relationships.CreateAsync(Relationship("SUPPLIES", project.Name, japan.Name, 0.09));
        await RpcAssert.FailsAsync(StatusCode.Aborted, "ETAG_MISMATCH", () => Relationships.DeleteRelationshipAsync(new DeleteRelationshipRequest { Name = created.Name, Etag = "stale" }));
        await Relationships.DeleteRelationshipAsync(new DeleteRelationshipRequest { Name = created.Name, Etag = created.Etag });
        await RpcAssert.FailsAsync(StatusCode.NotFound, "NOT_FOUND", () => Relationships.GetRelationshipAsync(new GetRelationshipRequest { Name = created.Name }));
    }

    [Fact]
    public async Task Import_writes_good_rows_and_rejects_rows_with_missing_endpoints_or_bad_fields()
    {
        var (project, japan) = await ProjectAndCountryAsync();
        var good = Relationship("SUPPLIES", project.Name, japan.Name, 0.09);
        good.Name = $"relationships/{UniqueId("good")}";
        var dangling = Relationship("SUPPLIES", "entities/missing-project", japan.Name, 0.5);
        dangling.Name = $"relationships/{UniqueId("dangling")}";
        var unnamed = Relationship("SUPPLIES", project.Name, japan.Name, 0.5);

        using var call = Relationships.ImportRelationships();
        await call.RequestStream.WriteAsync(new ImportRelationshipsRequest { Relationships = { dangling, good, unnamed } });
        await call.RequestStream.CompleteAsync();
        var summary = await call;

        Assert.Equal((1, 2), (summary.Created, summary.Rejected));
        Assert.Equal([0, 2], summary.Errors.Select(e => e.Row));
        Assert.Equal(("FAILED_PRECONDITION", "ENDPOINT_NOT_FOUND"), (summary.Errors[0].Code, summary.Errors[0].Reason));
        Assert.Equal("INVALID_NAME", summary.Errors[1].Reason);
        Assert.NotNull(await Relationships.GetRelationshipAsync(new GetRelationshipRequest { Name = good.Name }));
    }
}
