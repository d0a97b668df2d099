using System.Diagnostics;

namespace KnowledgeGraph.Bench.Measurements;

/// <summary>
/// Calls one after another for a fixed time before a latency is measured, on questions that are
/// not measured. A service just started runs its first calls as unoptimised code while the JIT
/// recompiles its hot paths in the background (about 2 s of calls at 1M, during which even the
/// trivial call took 3× its later time). Every latency in the report is measured after the same
/// warm-up, so a call is not compared cold against a peer measured warm; the cold calls are
/// reported on their own (<see cref="FirstCalls"/>).
/// </summary>
public static class WarmUp
{
    public static readonly TimeSpan Length = TimeSpan.FromSeconds(5);

    public const int FirstCalls = 10;

    public static async Task RunAsync(Func<int, Task> call)
    {
        var watch = Stopwatch.StartNew();
        for (var i = 0; watch.Elapsed < Length; i++) await call(i);
    }

    /// <summary>The first <see cref="FirstCalls"/> calls after the service started, each timed: what a client meets on a cold service.</summary>
    public static async Task<Percentiles> TimeFirstCallsAsync(Func<int, Task> call)
    {
        var times = new List<double>();
        for (var i = 0; i < FirstCalls; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await call(i);
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        return Percentiles.Of(times);
    }
}
