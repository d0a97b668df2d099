using OpenTelemetry.Metrics;

namespace KnowledgeGraph.TelemetryTests;

/// <summary>Reads one series (the point with exactly these attributes) out of collected metrics.</summary>
public static class MetricReadings
{
    public static MetricPoint? Point(this IReadOnlyDictionary<string, MetricSnapshot> metrics, string name, params (string Key, string Value)[] attributes)
    {
        if (!metrics.TryGetValue(name, out var metric)) return null;
        foreach (var point in metric.MetricPoints)
        {
            var tags = new Dictionary<string, object?>();
            foreach (var tag in point.Tags) tags[tag.Key] = tag.Value;
            if (tags.Count == attributes.Length && attributes.All(a => Equals(tags.GetValueOrDefault(a.Key), a.Value))) return point;
        }
        return null;
    }

    /// <summary>A counter's running total for the series (0 before its first measurement).</summary>
    public static long Sum(this IReadOnlyDictionary<string, MetricSnapshot> metrics, string name, params (string Key, string Value)[] attributes) =>
        metrics.Point(name, attributes) is { } point ? point.GetSumLong() : 0;

    /// <summary>A histogram's number of recordings for the series.</summary>
    public static long Count(this IReadOnlyDictionary<string, MetricSnapshot> metrics, string name, params (string Key, string Value)[] attributes) =>
        metrics.Point(name, attributes) is { } point ? point.GetHistogramCount() : 0;

    /// <summary>A histogram's sum of recordings for the series.</summary>
    public static double HistogramSum(this IReadOnlyDictionary<string, MetricSnapshot> metrics, string name, params (string Key, string Value)[] attributes) =>
        metrics.Point(name, attributes) is { } point ? point.GetHistogramSum() : 0;
}
