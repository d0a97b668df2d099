using Google.Protobuf;
using KnowledgeGraph.Domain;
using KnowledgeGraph.V1;
using Xunit;
using static KnowledgeGraph.Store.Conformance.GraphBuilders;

namespace KnowledgeGraph.Store.Conformance;

public abstract partial class GraphStoreConformanceTests
{
    [SkippableFact]
    public async Task Committed_writes_are_read_back_by_later_units_and_snapshots()
    {
        var store = await StoreAsync();
        var japan = Stored(Country("japan", "Japan", "Nippon"));
        var russia = Stored(Country("russia", "Russia"));
        var supplies = Stored(Supplies("russia-japan", "russia", "japan", 0.09, "entities/lng"));
        await CommitAsync(store, unit =>
        {
            unit.Insert(japan);
            unit.Insert(russia);
            unit.Insert(supplies);
        });

        await using (var unit = await store.BeginAsync(ReadConsistency.None, None))
        {
            var entities = await unit.GetEntitiesAsync([E("japan"), E("russia"), E("atlantis")], None);
            Assert.Equal([E("japan"), E("russia")], entities.Keys.Order(StringComparer.Ordinal));
            Assert.Equal(japan, entities[E("japan")]);
            Assert.Equal(supplies, (await unit.GetRelationshipsAsync([R("russia-japan"), R("nothing")], None)).Single().Value);
        }
        Assert.Equal(japan, (await ReadAsync(store, s => s.GetEntitiesAsync([E("japan")], None))).Single());
        Assert.Equal(supplies, (await ReadAsync(store, s => s.GetRelationshipsAsync([R("russia-japan")], None))).Single());
    }

    [SkippableFact]
    public async Task Entity_kinds_are_read_by_name_for_the_entities_that_exist()
    {
        var store = await StoreAsync();
        await CommitAsync(store, unit =>
        {
            unit.Insert(Stored(Country("japan", "Japan")));
            unit.Insert(Stored(Project("sakhalin-2", "Sakhalin-2")));
        });

        await using var unit = await store.BeginAsync(ReadConsistency.None, None);
        var kinds = await unit.GetEntityKindsAsync([E("japan"), E("sakhalin-2"), E("atlantis"), "not-a-name"], None);
        Assert.Equal(new Dictionary<string, string> { [E("japan")] = "Country", [E("sakhalin-2")] = "Project" }, kinds);
        Assert.Empty(await unit.GetEntityKindsAsync([E("atlantis")], None));
    }

    [SkippableFact]
    public async Task An_import_unit_inserts_and_replaces_as_an_ordinary_unit_does()
    {
        var store = await StoreAsync();
        var first = await CommitAsync(store, unit =>
        {
            unit.Insert(Stored(Country("japan", "Japan")));
            unit.Insert(Stored(Country("russia", "Russia")));
            unit.Insert(Stored(Country("qatar", "Qatar")));
            unit.Insert(Stored(Supplies("qatar-japan", "qatar", "japan", 0.2)));
        });

        var russiaJapan = Stored(Supplies("russia-japan", "russia", "japan", 0.09));
        var qatarJapan = Stored(Supplies("qatar-japan", "qatar", "japan", 0.25));
        string token;
        await using (var unit = await store.BeginImportAsync(ReadConsistency.None, None))
        {
            Assert.Equal(2, (await unit.GetEntityKindsAsync([E("russia"), E("japan")], None)).Count);
            Assert.Single(await unit.GetRelationshipsAsync([R("qatar-japan")], None));
            unit.Insert(russiaJapan);
            unit.Replace(qatarJapan);
            token = await unit.CommitAsync(None);
        }

        Assert.NotEqual(first, token);
        var stored = await ReadAsync(store, s => s.GetRelationshipsAsync([R("qatar-japan"), R("russia-japan")], None));
        Assert.Equal([qatarJapan, russiaJapan], stored.OrderBy(r => r.Name, StringComparer.Ordinal));
    }

    [SkippableFact]
    public async Task A_unit_does_not_see_its_own_writes_and_writes_nothing_unless_committed()
    {
        var store = await StoreAsync();
        await using (var unit = await store.BeginAsync(ReadConsistency.None, None))
        {
            unit.Insert(Stored(Country("japan", "Japan")));
            Assert.Empty(await unit.GetEntitiesAsync([E("japan")], None));
        }

        Assert.Empty(await ReadAsync(store, s => s.GetEntitiesAsync([E("japan")], None)));
        Assert.Empty(await ReadAsync(store, s => s.ListEntitiesAsync(new EntityListQuery(null, null, 10), None)));
    }

    [SkippableFact]
    public async Task Replaces_and_deletes_change_what_is_read_afterwards()
    {
        var store = await StoreAsync();
        await CommitAsync(store, unit =>
        {
            unit.Insert(Stored(Country("japan", "Japan")));
            unit.Insert(Stored(Country("russia", "Russia")));
            unit.Insert(Stored(Country("qatar", "Qatar")));
            unit.Insert(Stored(Supplies("russia-japan", "russia", "japan", 0.09)));
            unit.Insert(Stored(Supplies("qatar-japan", "qatar", "japan", 0.2)));
        });
        var renamed = Stored(Country("japan", "Japan (renamed)"));
        var raised = Stored(Supplies("qatar-japan", "qatar", "japan", 0.3));
        await CommitAsync(store, unit =>
        {
            unit.Replace(renamed);
            unit.Replace(raised);
            unit.DeleteRelationship(R("russia-japan"));
            unit.DeleteEntity(E("russia"));
        });

        var entities = await ReadAsync(store, s => s.ListEntitiesAsync(new EntityListQuery(null, null, 10), None));
        Assert.Equal([E("japan"), E("qatar")], entities.Select(e => e.Name));
        Assert.Equal(renamed, entities[0]);
        Assert.Equal([raised], await ReadAsync(store, s => s.ListRelationshipsAsync(new RelationshipListQuery(null, null, null, null, Direction.Both, null, 10), None)));
    }

    public static TheoryData<string> WritesOfMissingNames => ["replace entity", "replace relationship", "delete entity", "delete relationship"];

    [SkippableTheory]
    [MemberData(nameof(WritesOfMissingNames))]
    public async Task Replacing_or_deleting_a_name_that_does_not_exist_is_a_conflict_and_writes_nothing(string write)
    {
        var store = await StoreAsync();
        await CommitAsync(store, unit =>
        {
            unit.Insert(Stored(Country("japan", "Japan")));
            unit.Insert(Stored(Country("qatar", "Qatar")));
        });

        await using (var unit = await store.BeginAsync(ReadConsistency.None, None))
        {
            unit.Insert(Stored(Country("russia", "Russia")));
            switch (write)
            {
                case "replace entity": unit.Replace(Stored(Country("atlantis", "Atlantis"))); break;
                case "replace relationship": unit.Replace(Stored(Supplies("qatar-japan", "qatar", "japan", 0.2))); break;
                case "delete entity": unit.DeleteEntity(E("atlantis")); break;
                default: unit.DeleteRelationship(R("qatar-japan")); break;
            }
            await Assert.ThrowsAsync<StoreConflictException>(() => unit.CommitAsync(None));
        }

        Assert.Empty(await ReadAsync(store, s => s.GetEntitiesAsync([E("russia"), E("atlantis")], None)));
        Assert.Empty(await ReadAsync(store, s => s.GetRelationshipsAsync([R("qatar-japan")], None)));
    }

    [SkippableFact]
    public async Task Incident_relationships_carry_both_endpoints_kinds_in_name_order()
    {
        var store = await StoreAsync();
        await CommitAsync(store, unit =>
        {
            unit.Insert(Stored(Country("japan", "Japan")));
            unit.Insert(Stored(Country("russia", "Russia")));
            unit.Insert(Stored(Project("sakhalin-2", "Sakhalin-2")));
            unit.Insert(Stored(Supplies("b-sakhalin-japan", "sakhalin-2", "japan", 0.09)));
            unit.Insert(Stored(LocatedIn("a-sakhalin-russia", "sakhalin-2", "russia")));
            unit.Insert(Stored(Supplies("c-russia-japan", "russia", "japan", 0.1)));
        });

        await using var unit = await store.BeginAsync(ReadConsistency.None, None);
        var incidents = await unit.GetIncidentRelationshipsAsync(E("sakhalin-2"), None);

        Assert.Equal(
            [
                new Domain.Validation.IncidentRelationship(R("a-sakhalin-russia"), "LOCATED_IN", E("sakhalin-2"), E("russia"), "Project", "Country"),
                new Domain.Validation.IncidentRelationship(R("b-sakhalin-japan"), "SUPPLIES", E("sakhalin-2"), E("japan"), "Project", "Country"),
            ],
            incidents);
        Assert.Empty(await unit.GetIncidentRelationshipsAsync(E("atlantis"), None));
    }

    [SkippableFact]
    public async Task A_recorded_request_is_found_with_its_method_and_response()
    {
        var store = await StoreAsync();
        var response = Stored(Country("japan", "Japan")).ToByteArray();
        await CommitAsync(store, unit =>
        {
            unit.Insert(Stored(Country("japan", "Japan")));
            unit.RecordRequest("request-1", "CreateEntity", response);
        });

        await using var unit = await store.BeginAsync(ReadConsistency.None, None);
        var recorded = await unit.FindRequestAsync("request-1", None);
        Assert.NotNull(recorded);
        Assert.Equal("CreateEntity", recorded.Method);
        Assert.Equal(response, recorded.Response);
        Assert.Null(await unit.FindRequestAsync("request-2", None));
    }

    [SkippableFact]
    public async Task Every_commit_returns_a_token_the_store_accepts_at_once()
    {
        var store = await StoreAsync();
        var tokens = new List<string>
        {
            await CommitAsync(store, unit => unit.Insert(Stored(Country("japan", "Japan")))),
            await CommitAsync(store, unit => unit.Insert(Stored(Country("russia", "Russia")))),
            await CommitAsync(store, unit => unit.Insert(Stored(Supplies("russia-japan", "russia", "japan", 0.09)))),
            await CommitAsync(store, unit => unit.Replace(Stored(Country("japan", "Japan 2")))),
            await CommitAsync(store, unit => { unit.DeleteRelationship(R("russia-japan")); unit.DeleteEntity(E("russia")); }),
        };
        var readOnly = await CommitAsync(store, _ => { });

        Assert.Equal(tokens.Count, tokens.Distinct().Count());
        var started = System.Diagnostics.Stopwatch.StartNew();
        foreach (var token in tokens.Append(readOnly))
            Assert.NotNull(await store.WaitForAsync(token, TimeSpan.FromSeconds(5), None));
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(2), $"waiting for visible tokens took {started.Elapsed}");
    }

    [SkippableFact]
    public async Task A_malformed_token_is_invalid()
    {
        var store = await StoreAsync();

        foreach (var token in new[] { "", "garbage", "e1.", "e1.-4", "12 34", "neo4j.!!" })
            await AssertFails(Domain.Errors.ErrorKind.InvalidArgument, Domain.Errors.ErrorReasons.InvalidConsistencyToken,
                () => store.WaitForAsync(token, TimeSpan.FromMilliseconds(100), None));
    }

    [SkippableFact]
    public async Task A_token_from_the_future_times_out_as_unavailable_within_the_wait()
    {
        var store = await StoreAsync();
        var issued = await CommitAsync(store, unit => unit.Insert(Stored(Country("japan", "Japan"))));
        var future = FutureConsistencyToken(issued);
        Skip.If(future is null, "this adapter cannot mint a token for a commit that has not happened");

        var started = System.Diagnostics.Stopwatch.StartNew();
        var error = await AssertFails(Domain.Errors.ErrorKind.Unavailable, Domain.Errors.ErrorReasons.ConsistencyTimeout,
            () => store.WaitForAsync(future, TimeSpan.FromMilliseconds(300), None));

        Assert.NotNull(error.RetryDelay);
        Assert.InRange(started.Elapsed, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(3));
    }

    [SkippableFact]
    public async Task The_store_answers_a_ping_and_names_its_location()
    {
        var store = await StoreAsync();

        await store.PingAsync(None);
        await store.InitializeAsync(None);

        Assert.False(string.IsNullOrWhiteSpace(store.Location));
    }
}
