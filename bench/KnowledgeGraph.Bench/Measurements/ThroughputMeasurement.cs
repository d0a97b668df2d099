using System.Diagnostics;

namespace KnowledgeGraph.Bench.Measurements;

/// <summary>Calls per second with a fixed number of concurrent callers, each calling again as soon as its last call returned.</summary>
public static class ThroughputMeasurement
{
    public const int Callers = 64;
    public const int Rounds = 3;
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(3);

    /// <summary>
    /// The median rate of each call over <see cref="Rounds"/> alternating rounds of
    /// <paramref name="duration"/>, after both are warmed up: the first call measured must not pay for
    /// the JIT of the client's and the server's shared call path while the second one profits from it.
    /// </summary>
    public static async Task<(double First, double Second)> CompareAsync(Func<int, Task> first, Func<int, Task> second, TimeSpan duration)
    {
        await RunAsync(first, WarmUp);
        await RunAsync(second, WarmUp);
        List<double> firstRates = [], secondRates = [];
        for (var round = 0; round < Rounds; round++)
        {
            firstRates.Add(await RunAsync(first, duration));
            secondRates.Add(await RunAsync(second, duration));
        }
        return (Median(firstRates), Median(secondRates));
    }

    private static double Median(List<double> rates) => rates.Order().ElementAt(rates.Count / 2);

    private static async Task<double> RunAsync(Func<int, Task> call, TimeSpan length)
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
