using System.Diagnostics;

namespace KnowledgeGraph.Bench.Measurements;

/// <summary>Calls per second with a fixed number of concurrent callers, each calling again as soon as its last call returned.</summary>
public static class ThroughputMeasurement
{
    public const int Callers = 64;

    public static async Task<double> RunAsync(Func<int, Task> call, TimeSpan warmUp, TimeSpan duration)
    {
        await Run(warmUp);
        return await Run(duration);

        async Task<double> Run(TimeSpan length)
        {
            long calls = 0;
            var watch = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, Callers).Select(async caller =>
            {
                for (var i = caller; watch.Elapsed < length; i += Callers)
                {
                    await call(i);
                    Interlocked.Increment(ref calls);
                }
            }));
            return calls / watch.Elapsed.TotalSeconds;
        }
    }
}
