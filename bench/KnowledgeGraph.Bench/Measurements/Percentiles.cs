using System.Diagnostics;

namespace KnowledgeGraph.Bench.Measurements;

/// <summary>Median, p95 and p99 of a set of times in milliseconds (nearest rank).</summary>
public sealed record Percentiles(double P50, double P95, double P99, int Count)
{
    public static Percentiles Of(IEnumerable<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToArray();
        if (sorted.Length == 0) return new(double.NaN, double.NaN, double.NaN, 0);
        double At(double q) => sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new(At(0.50), At(0.95), At(0.99), sorted.Length);
    }

    /// <summary>Calls <paramref name="call"/> <paramref name="count"/> times in turn (with 0, 1, ...), timing each.</summary>
    public static async Task<Percentiles> OfCallsAsync(Func<int, Task> call, int count)
    {
        var times = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await call(i);
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        return Of(times);
    }
}
