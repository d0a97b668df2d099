using KnowledgeGraph.Application.Writes;
using Xunit;

namespace KnowledgeGraph.UnitTests.Writes;

public sealed class ReadAheadTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Items_come_prepared_and_in_source_order()
    {
        var prepared = await Numbers(100).PrepareAsync(n => n * 10, depth: 2).ToListAsync();
        Assert.Equal(Enumerable.Range(0, 100).Select(n => n * 10), prepared);
    }

    [Fact]
    public async Task The_next_item_is_read_and_prepared_while_the_consumer_works_on_this_one()
    {
        var secondPrepared = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var items = Numbers(3).PrepareAsync(n =>
        {
            if (n == 1) secondPrepared.SetResult();
            return n;
        }, depth: 1).GetAsyncEnumerator();

        Assert.True(await items.MoveNextAsync());
        Assert.Equal(0, items.Current);
        // The consumer holds item 0 and does not ask for more: item 1 is prepared all the same.
        await secondPrepared.Task.WaitAsync(Patience);
    }

    [Fact]
    public async Task A_failure_reaches_the_consumer_after_the_items_before_it()
    {
        var seen = new List<int>();
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (var n in Numbers(10).PrepareAsync(n => n == 3 ? throw new InvalidOperationException("row 3") : n, depth: 2))
                seen.Add(n);
        });
        Assert.Equal("row 3", failure.Message);
        Assert.Equal([0, 1, 2], seen);
    }

    [Fact]
    public async Task A_consumer_that_stops_early_leaves_the_source_unread_once_the_enumeration_ends()
    {
        var source = new CountingSource();
        await foreach (var n in source.ReadAsync().PrepareAsync(n => n, depth: 1))
            if (n == 2) break;

        var readWhenStopped = source.Read;
        Assert.True(source.Disposed, "the source's enumerator is disposed before the enumeration ends");
        await Task.Delay(100);
        Assert.Equal(readWhenStopped, source.Read);
        // At most the items in flight are read past the one the consumer stopped at.
        Assert.InRange(readWhenStopped, 3, 3 + 1 + 1);
    }

    [Fact]
    public async Task Cancelling_the_consumer_cancels_the_reading()
    {
        using var cancel = new CancellationTokenSource();
        var source = new CountingSource();
        var consumed = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var n in source.ReadAsync().PrepareAsync(n => n, depth: 1, cancel.Token))
                if (++consumed == 5) await cancel.CancelAsync();
        });
        Assert.True(source.Disposed);
    }

    private static async IAsyncEnumerable<int> Numbers(int count)
    {
        for (var n = 0; n < count; n++)
        {
            await Task.Yield();
            yield return n;
        }
    }

    /// <summary>An endless source that counts what it handed out and knows when its enumerator is disposed.</summary>
    private sealed class CountingSource
    {
        private int _read;

        public int Read => Volatile.Read(ref _read);

        public bool Disposed { get; private set; }

        public async IAsyncEnumerable<int> ReadAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellation = default)
        {
            try
            {
                for (var n = 0; ; n++)
                {
                    await Task.Delay(1, cancellation);
                    Interlocked.Increment(ref _read);
                    yield return n;
                }
            }
            finally
            {
                Disposed = true;
            }
        }
    }
}
