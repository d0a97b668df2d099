using System.Diagnostics;
using Grpc.Core;
using KnowledgeGraph.Domain.Errors;
using Xunit;
using static KnowledgeGraph.Store.Conformance.GraphBuilders;

namespace KnowledgeGraph.Store.Conformance;

public abstract partial class GraphStoreConformanceTests
{
    [SkippableFact]
    public async Task Every_write_returns_a_token_the_store_accepts_at_once()
    {
        var store = await StoreAsync();
        var tokens = new List<string>
        {
            (await store.CreateEntityAsync(Country("japan", "Japan"), null, None)).ConsistencyToken,
            (await store.CreateEntityAsync(Country("russia", "Russia"), null, None)).ConsistencyToken,
            (await store.CreateRelationshipAsync(Supplies("russia-japan", "russia", "japan", 0.09), null, None)).ConsistencyToken,
            (await store.UpdateEntityAsync(Country("japan", "Japan 2"), null, false, null, None)).ConsistencyToken,
            (await store.DeleteEntityAsync(E("russia"), null, true, null, None)).ConsistencyToken,
        };

        Assert.Equal(tokens.Count, tokens.Distinct().Count());
        var started = Stopwatch.StartNew();
        foreach (var token in tokens)
            await store.WaitForAsync(token, TimeSpan.FromSeconds(5), None);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(2), $"waiting for visible tokens took {started.Elapsed}");
    }

    [SkippableFact]
    public async Task A_malformed_token_is_invalid()
    {
        var store = await StoreAsync();

        foreach (var token in new[] { "", "garbage", "e1.", "e1.-4", "12 34" })
            await AssertFails(StatusCode.InvalidArgument, ErrorReasons.InvalidConsistencyToken,
                () => store.WaitForAsync(token, TimeSpan.FromMilliseconds(100), None));
    }

    [SkippableFact]
    public async Task A_token_from_the_future_times_out_as_unavailable_within_the_wait()
    {
        var store = await StoreAsync();
        var issued = (await store.CreateEntityAsync(Country("japan", "Japan"), null, None)).ConsistencyToken;
        var future = FutureConsistencyToken(issued);
        Skip.If(future is null, "this adapter cannot mint a token for a commit that has not happened");

        var started = Stopwatch.StartNew();
        await AssertFails(StatusCode.Unavailable, ErrorReasons.ConsistencyTimeout,
            () => store.WaitForAsync(future, TimeSpan.FromMilliseconds(300), None));

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
