using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace KnowledgeGraph.Application.Writes;

/// <summary>
/// A two-stage pipeline: a task of its own reads the source and prepares each item, at most
/// <c>depth</c> items ahead of the consumer, so the preparation of the next item runs on another core
/// while the consumer works on this one. Items come in source order; an exception of the source or
/// of the preparation reaches the consumer after the items before it. When the consumer stops early
/// (an exception, a break, cancellation), the reading task is cancelled and awaited before the
/// enumeration ends, so nothing reads the source after that.
/// </summary>
internal static class ReadAhead
{
    public static async IAsyncEnumerable<TOut> PrepareAsync<TIn, TOut>(
        this IAsyncEnumerable<TIn> source, Func<TIn, TOut> prepare, int depth, [EnumeratorCancellation] CancellationToken cancellation = default)
    {
        var channel = Channel.CreateBounded<TOut>(new BoundedChannelOptions(depth) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var reader = Task.Run(async () =>
        {
            try
            {
                await foreach (var item in source.WithCancellation(stop.Token))
                    await channel.Writer.WriteAsync(prepare(item), stop.Token);
                channel.Writer.Complete();
            }
            catch (Exception e)
            {
                channel.Writer.Complete(e);
            }
        }, CancellationToken.None);
        try
        {
            await foreach (var prepared in channel.Reader.ReadAllAsync(cancellation))
                yield return prepared;
        }
        finally
        {
            await stop.CancelAsync();
            await reader;
        }
    }
}
