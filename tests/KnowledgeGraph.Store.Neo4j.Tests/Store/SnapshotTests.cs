using KnowledgeGraph.Store.Neo4j.Cypher;
using KnowledgeGraph.Store.Neo4j.Tests.Contract;
using KnowledgeGraph.V1;
using Xunit;

namespace KnowledgeGraph.Store.Neo4j.Tests.Store;

/// <summary>Snapshot reads: one batched statement per direction for a frontier, one indexed statement per list shape, and every search candidate.</summary>
public sealed class SnapshotTests
{
    private static readonly DateTimeOffset AsOf = new(2031, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_frontier_is_read_with_one_statement_per_direction_merged_in_name_order_up_to_the_limit()
    {
        var fixture = new Fixture();
        fixture.Api
            .Accept(FakeQueryApi.Rows(Stored.Columns, Stored.Row(Stored.Supplies("c", "japan", "china")), Stored.Row(Stored.Supplies("a", "japan", "korea"))))
            .Accept(FakeQueryApi.Rows(Stored.Columns, Stored.Row(Stored.Supplies("b", "russia", "japan")), Stored.Row(Stored.Supplies("a", "japan", "korea"))));
        await using var snapshot = await fixture.Store.OpenSnapshotAsync(ReadConsistency.None, Fixture.None);

        var adjacent = await snapshot.GetAdjacentRelationshipsAsync(["entities/japan", "entities/korea"], Direction.Both, new HashSet<string> { "SUPPLIES" }, AsOf, 2, Fixture.None);

        Assert.Equal(["relationships/a", "relationships/b"], adjacent.Select(r => r.Name));
        Assert.Equal([RelationshipStatements.OutgoingOfTypes.Text, RelationshipStatements.IncomingOfTypes.Text], fixture.Api.Requests.Select(r => r.Statement));
        var parameters = fixture.Api.Requests[0].Json.GetProperty("parameters");
        Assert.Equal(["japan", "korea"], parameters.GetProperty("ids").GetProperty("_value").EnumerateArray().Select(v => v.GetProperty("_value").GetString()));
        Assert.Equal("OffsetDateTime", parameters.GetProperty("as_of").GetProperty("$type").GetString());
    }

    [Fact]
    public async Task An_untyped_outgoing_expansion_uses_the_untyped_statement_only()
    {
        var fixture = new Fixture();
        fixture.Api.Accept(FakeQueryApi.Rows(Stored.Columns));
        await using var snapshot = await fixture.Store.OpenSnapshotAsync(ReadConsistency.None, Fixture.None);

        await snapshot.GetAdjacentRelationshipsAsync(["entities/japan"], Direction.Outgoing, new HashSet<string>(), AsOf, 10, Fixture.None);

        Assert.Equal(RelationshipStatements.Outgoing.Text, Assert.Single(fixture.Api.Requests).Statement);
    }

    public static TheoryData<string?, string?, string?, string?, Direction, string> ListShapes => new()
    {
        { null, null, null, null, Direction.Unspecified, "Relationship.List" },
        { "SUPPLIES", null, null, null, Direction.Unspecified, "Relationship.List.Type" },
        { null, "entities/china", null, null, Direction.Unspecified, "Relationship.List.Source" },
        { null, null, "entities/japan", null, Direction.Unspecified, "Relationship.List.Target" },
        { "SUPPLIES", "entities/china", "entities/japan", null, Direction.Unspecified, "Relationship.List.Type.Source.Target" },
        { null, null, null, "entities/japan", Direction.Outgoing, "Relationship.List.Source" },
        { "SUPPLIES", null, null, "entities/japan", Direction.Incoming, "Relationship.List.Type.Target" },
        { null, null, null, "entities/japan", Direction.Both, "Relationship.List.EitherEnd" },
        { "SUPPLIES", null, null, "entities/japan", Direction.Unspecified, "Relationship.List.Type.EitherEnd" },
        { null, "entities/china", null, "entities/japan", Direction.Both, "Relationship.List.Source.Target" },
        { null, "entities/japan", null, "entities/japan", Direction.Both, "Relationship.List.Source" },
    };

    [Theory]
    [MemberData(nameof(ListShapes))]
    public async Task A_relationship_list_runs_the_statement_of_its_filter_shape_on_indexed_ids(
        string? type, string? source, string? target, string? entity, Direction direction, string statementName)
    {
        var fixture = new Fixture();
        fixture.Api.Accept(FakeQueryApi.Rows(Stored.Columns));
        await using var snapshot = await fixture.Store.OpenSnapshotAsync(ReadConsistency.None, Fixture.None);

        await snapshot.ListRelationshipsAsync(new RelationshipListQuery(type, source, target, entity, direction, null, 50), Fixture.None);

        var request = Assert.Single(fixture.Api.Requests);
        var statement = Statements.All(Domain.Ontology.GraphOntology.Default).Single(s => s.Name == statementName);
        Assert.Equal(statement.Text, request.Statement);
        Assert.DoesNotContain("IS NULL", statement.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("record.source =", statement.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("record.target =", statement.Text, StringComparison.Ordinal);
        Assert.Contains("ORDER BY record.name", statement.Text, StringComparison.Ordinal);
        Assert.Equal("", request.Json.GetProperty("parameters").GetProperty("after").GetProperty("_value").GetString());
        if (source is "entities/china") Assert.Equal("china", request.Json.GetProperty("parameters").GetProperty("source_id").GetProperty("_value").GetString());
    }

    [Fact]
    public async Task Contradicting_filters_match_nothing_without_a_request()
    {
        var fixture = new Fixture();
        await using var snapshot = await fixture.Store.OpenSnapshotAsync(ReadConsistency.None, Fixture.None);

        var found = await snapshot.ListRelationshipsAsync(new RelationshipListQuery(null, "entities/china", null, "entities/japan", Direction.Outgoing, null, 50), Fixture.None);

        Assert.Empty(found);
        Assert.Empty(fixture.Api.Requests);
    }

    [Fact]
    public async Task Entities_of_a_kind_are_listed_on_the_kind_and_name_index_after_the_page_token()
    {
        var fixture = new Fixture();
        fixture.Api.Accept(FakeQueryApi.Rows(Stored.Columns, Stored.Row(Stored.Country("japan"))));
        await using var snapshot = await fixture.Store.OpenSnapshotAsync(ReadConsistency.None, Fixture.None);

        var page = await snapshot.ListEntitiesAsync(new EntityListQuery("Country", "entities/china", 10), Fixture.None);

        Assert.Equal("entities/japan", Assert.Single(page).Name);
        var request = Assert.Single(fixture.Api.Requests);
        Assert.Equal(EntityStatements.ListByKind.Text, request.Statement);
        Assert.Equal("entities/china", request.Json.GetProperty("parameters").GetProperty("after").GetProperty("_value").GetString());
    }

    [Fact]
    public async Task Search_candidates_are_read_page_by_page_in_id_order_until_none_are_left()
    {
        var fixture = new Fixture();
        object?[][] Page(int from, int count) => [.. Enumerable.Range(from, count).Select(i => new object?[] { $"e{i:D5}", $"entities/e{i:D5}", $"name {i}|e{i:D5}" })];
        fixture.Api
            .Accept(FakeQueryApi.Rows(["id", "name", "search_text"], Page(0, 1000)))
            .Accept(FakeQueryApi.Rows(["id", "name", "search_text"], Page(1000, 1000)))
            .Accept(FakeQueryApi.Rows(["id", "name", "search_text"], Page(2000, 500)));
        await using var snapshot = await fixture.Store.OpenSnapshotAsync(ReadConsistency.None, Fixture.None);

        var candidates = new List<SearchCandidate>();
        await foreach (var candidate in snapshot.SearchCandidatesAsync("name", ["Country"], Fixture.None)) candidates.Add(candidate);

        Assert.Equal(2500, candidates.Count);
        Assert.Equal(new SearchCandidate("entities/e01000", "name 1000|e01000"), candidates[1000]);
        Assert.All(fixture.Api.Requests, r => Assert.Equal(EntityStatements.SearchCandidatesOfKinds.Text, r.Statement));
        Assert.Equal(["", "e00999", "e01999"], fixture.Api.Requests.Select(r => r.Json.GetProperty("parameters").GetProperty("after").GetProperty("_value").GetString()));
    }
}
