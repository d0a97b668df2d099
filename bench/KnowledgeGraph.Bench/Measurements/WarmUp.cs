using System.Diagnostics;

namespace KnowledgeGraph.Bench.Measurements;

/// <summary>
/// Calls one after another for a fixed time before a latency is measured, on questions that are
/// not measured. A service just started runs its first calls as unoptimised code while the JIT
/// recompiles its hot paths in the background (about 2 s of calls at 1M, during which even the
/// trivial call took 3× its later time). Every latency in the report is measured after the same
/// warm-up, so a call is not compared cold against a peer measured warm; the cold calls are
/// reported on their own (<see cref="FirstCalls"/> of them).
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
}
