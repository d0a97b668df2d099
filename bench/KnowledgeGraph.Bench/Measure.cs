using System.Diagnostics;

namespace KnowledgeGraph.Bench;

internal static class Measure
{
    /// <summary>Runs <paramref name="action"/> once per input after one warm-up and returns the per-call times in milliseconds, sorted.</summary>
    public static async Task<double[]> TimesAsync<T>(IReadOnlyList<T> inputs, Func<T, Task> action)
    {
        await action(inputs[0]);
        var times = new double[inputs.Count];
        for (var i = 0; i < inputs.Count; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await action(inputs[i]);
            times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }
        Array.Sort(times);
        return times;
    }

    public static double Median(double[] sorted) => sorted[sorted.Length / 2];
    public static double P95(double[] sorted) => sorted[(int)(sorted.Length * 0.95)];
}
