using KnowledgeGraph.Application;
using KnowledgeGraph.Application.Queries;
using KnowledgeGraph.Application.Retention;
using KnowledgeGraph.Store;
using KnowledgeGraph.Store.Reference;
using KnowledgeGraph.V1;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Xunit;
using static KnowledgeGraph.Store.Conformance.GraphBuilders;
using static KnowledgeGraph.Store.Conformance.StoreSessions;

namespace KnowledgeGraph.ModelTests;

/// <summary>Retention prunes by the configured ages, and a projection left behind the pruned feed reads the graph again.</summary>
public sealed class RetentionTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task The_service_prunes_what_is_older_than_each_retention_by_its_clock()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var store = new ReferenceGraphStore(clock);
        var options = Options.Create(new RetentionOptions { ChangeFeed = TimeSpan.FromDays(7), RequestIds = TimeSpan.FromDays(2) });
        var retention = new RetentionService(store, options, clock, NullLogger<RetentionService>.Instance);
        await CommitAsync(store, unit => { unit.Insert(Stored(Country("japan", "Japan"))); unit.RecordRequest("day-0", "CreateEntity", [0]); });
        clock.Advance(TimeSpan.FromDays(3));
        await CommitAsync(store, unit => { unit.Insert(Stored(Country("china", "China"))); unit.RecordRequest("day-3", "CreateEntity", [3]); });
        clock.Advance(TimeSpan.FromDays(3));
        await CommitAsync(store, unit => unit.Insert(Stored(Country("korea", "Korea"))));

        // Day 6: request ids older than 2 days go; no change is older than 7 days.
        Assert.Equal(new PruneResult(0, 2, 0), await retention.PruneOnceAsync(None));

        // Day 11: the changes of days 0 and 3 are older than 7 days; day 6's is the newest and stays.
        clock.Advance(TimeSpan.FromDays(5));
        Assert.Equal(new PruneResult(2, 0, 2), await retention.PruneOnceAsync(None));
        Assert.Equal([E("korea")], (await store.ReadChangesAsync(2, 10, ReadConsistency.None, None)).Changes.Select(c => c.Name));
    }

    [Theory]
    [InlineData("ChangeFeed", "00:00:00")]
    [InlineData("RequestIds", "-1.00:00:00")]
    [InlineData("PruneInterval", "-00:01:00")]
    public void Retention_settings_that_would_prune_everything_or_never_stop_are_refused(string key, string value)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [$"{RetentionOptions.Section}:{key}"] = value }).Build();
        using var services = new ServiceCollection().AddLogging().AddSingleton<IGraphStore>(new ReferenceGraphStore()).AddKnowledgeGraphRetention(configuration).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<RetentionOptions>>().Value);
        Assert.Contains(RetentionOptions.Section, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_projection_behind_the_pruned_feed_reads_the_graph_again_and_answers_with_every_change()
    {
        var store = new ReferenceGraphStore();
        await CommitAsync(store, unit =>
        {
            unit.Insert(Stored(Country("japan", "Japan")));
            unit.Insert(Stored(Company("rosneft", "Rosneft")));
            unit.Insert(Stored(Supplies("rosneft-japan", "rosneft", "japan", 0.4)));
        });
        // The projection loads now and, with an hour between polls, reads the feed again only for a call with a token.
        await using var engine = await QueryEngineHost.StartAsync(store, QueryEngineKind.Projection, new Dictionary<string, string> { ["ChangePollInterval"] = "01:00:00" });
        var trace = new TraceDependenciesRequest { Root = E("japan"), Direction = TraceDirection.Upstream };
        Assert.Equal([E("rosneft")], (await engine.Queries.TraceDependenciesAsync(trace, new CallContext(null, null, None))).Dependencies.Select(d => d.Entity.Name));

        await CommitAsync(store, unit => { unit.DeleteRelationship(R("rosneft-japan")); unit.DeleteEntity(E("rosneft")); });
        await CommitAsync(store, unit => { unit.Insert(Stored(Company("jera", "Jera"))); unit.Insert(Stored(Supplies("jera-japan", "jera", "japan", 0.3))); });
        var pruned = await store.PruneAsync(DateTimeOffset.UtcNow.AddHours(1), DateTimeOffset.UtcNow.AddHours(1), None);
        var token = await CommitAsync(store, unit => unit.Insert(Stored(Company("tokyo-gas", "Tokyo Gas"))));

        var answer = await engine.Queries.TraceDependenciesAsync(trace, new CallContext(token, null, None));

        Assert.True(pruned.FeedFloor > 3, $"the feed was pruned past the projection's position 3 (floor {pruned.FeedFloor})");
        Assert.Equal([(E("jera"), 0.3)], answer.Dependencies.Select(d => (d.Entity.Name, d.Exposure)));
    }
}
