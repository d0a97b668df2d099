using KnowledgeGraph.Domain.Errors;
using Xunit;
using static KnowledgeGraph.Store.Conformance.GraphBuilders;

namespace KnowledgeGraph.Store.Conformance;

/// <summary>
/// Bounded growth: pruning forgets old change-feed entries and request records; a feed reader behind
/// the floor is told so, and tokens of forgotten changes are expired where the adapter's tokens are
/// positions in the feed. Times come from the clocks the stores stamp with, so each test leaves a
/// margin between the writes it keeps and the ones it prunes.
/// </summary>
public abstract partial class GraphStoreConformanceTests
{
    private static readonly TimeSpan ClockMargin = TimeSpan.FromMilliseconds(50);

    /// <summary>Whether a consistency token names a feed position that pruning can forget (Neo4j's are bookmarks: they never expire).</summary>
    protected virtual bool ConsistencyTokensExpire => true;

    [SkippableFact]
    public async Task Pruning_forgets_what_is_older_than_the_cut_off_and_a_reader_behind_the_floor_gets_a_gap()
    {
        var store = await StoreAsync();
        var start = await HeadAsync(store);
        var oldToken = await CommitAsync(store, unit => { unit.Insert(Stored(Country("russia", "Russia"))); unit.RecordRequest("old-request", "CreateEntity", [1]); });
        await CommitAsync(store, unit => unit.DeleteEntity(E("russia")));
        var cutOff = await PauseAroundNowAsync();
        var newToken = await CommitAsync(store, unit => { unit.Insert(Stored(Country("japan", "Japan"))); unit.RecordRequest("new-request", "CreateEntity", [2]); });
        var head = await HeadAsync(store);

        var pruned = await store.PruneAsync(cutOff, cutOff, None);

        Assert.Equal(1, pruned.Requests);
        Assert.InRange(pruned.FeedFloor, start + 1, head - 1);
        var gap = await Assert.ThrowsAsync<ChangeFeedGapException>(() => store.ReadChangesAsync(start, 100, ReadConsistency.None, None));
        Assert.Equal((start, pruned.FeedFloor), (gap.After, gap.Floor));
        var kept = await store.ReadChangesAsync(pruned.FeedFloor, 100, ReadConsistency.None, None);
        Assert.Equal([E("japan")], kept.Changes.Select(c => c.Name));
        Assert.Equal(head, kept.Position);
        Assert.Equal(head, await HeadAsync(store));
        Assert.Null(await FindRequestAsync(store, "old-request"));
        Assert.NotNull(await FindRequestAsync(store, "new-request"));

        await store.WaitForAsync(newToken, TimeSpan.FromSeconds(5), None);
        if (ConsistencyTokensExpire)
        {
            var expired = await AssertFails(ErrorKind.FailedPrecondition, ErrorReasons.ConsistencyTokenExpired, () => store.WaitForAsync(oldToken, TimeSpan.FromSeconds(1), None));
            Assert.Contains("without the token", expired.Message, StringComparison.Ordinal);
        }
        else await store.WaitForAsync(oldToken, TimeSpan.FromSeconds(5), None);
    }

    [SkippableFact]
    public async Task Pruning_nothing_older_than_the_cut_off_changes_nothing_and_pruning_twice_is_pruning_once()
    {
        var store = await StoreAsync();
        var start = await HeadAsync(store);
        var cutOff = await PauseAroundNowAsync();
        await CommitAsync(store, unit => { unit.Insert(Stored(Country("japan", "Japan"))); unit.RecordRequest("request", "CreateEntity", [1]); });
        await CommitAsync(store, unit => unit.DeleteEntity(E("japan")));

        var first = await store.PruneAsync(cutOff, cutOff, None);
        var second = await store.PruneAsync(cutOff, cutOff, None);

        Assert.Equal((0L, 0L), (first.Changes, first.Requests));
        Assert.Equal(first, second);
        Assert.Equal([E("japan"), E("japan")], (await store.ReadChangesAsync(start, 100, ReadConsistency.None, None)).Changes.Select(c => c.Name));
        Assert.NotNull(await FindRequestAsync(store, "request"));
    }

    [SkippableFact]
    public async Task After_pruning_everything_the_newest_token_is_still_honoured_and_the_feed_goes_on()
    {
        var store = await StoreAsync();
        await CommitAsync(store, unit => unit.Insert(Stored(Country("russia", "Russia"))));
        await CommitAsync(store, unit => unit.DeleteEntity(E("russia")));
        var newest = await CommitAsync(store, unit => unit.Insert(Stored(Country("japan", "Japan"))));
        var head = await HeadAsync(store);

        var pruned = await store.PruneAsync(DateTimeOffset.UtcNow.AddHours(1), DateTimeOffset.UtcNow.AddHours(1), None);
        var next = await CommitAsync(store, unit => unit.Insert(Stored(Country("china", "China"))));

        Assert.InRange(pruned.FeedFloor, 1, head);
        await store.WaitForAsync(newest, TimeSpan.FromSeconds(5), None);
        await store.WaitForAsync(next, TimeSpan.FromSeconds(5), None);
        var after = await store.ReadChangesAsync(pruned.FeedFloor, 100, ReadConsistency.None, None);
        Assert.Equal(E("china"), after.Changes[^1].Name);
        Assert.DoesNotContain(after.Changes, c => c.Name == E("russia"));
    }

    private static async Task<long> HeadAsync(IGraphStore store) => (await store.ReadChangesAsync(0, 0, ReadConsistency.None, None)).Position;

    private static async Task<RecordedRequest?> FindRequestAsync(IGraphStore store, string requestId)
    {
        await using var unit = await store.BeginAsync(ReadConsistency.None, None);
        return await unit.FindRequestAsync(requestId, None);
    }

    /// <summary>A moment with <see cref="ClockMargin"/> of real time on each side of it, so writes before and after it are stamped before and after it.</summary>
    private static async Task<DateTimeOffset> PauseAroundNowAsync()
    {
        await Task.Delay(ClockMargin);
        var now = DateTimeOffset.UtcNow;
        await Task.Delay(ClockMargin);
        return now;
    }
}
