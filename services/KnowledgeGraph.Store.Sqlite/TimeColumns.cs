using Google.Protobuf.WellKnownTypes;

namespace KnowledgeGraph.Store.Sqlite;

/// <summary>
/// Create and update times as unix milliseconds for their columns (the row's body keeps the exact
/// timestamps). A resource without a time (the core always stamps one; a tool or test may not) gets 0.
/// </summary>
internal static class TimeColumns
{
    public static long Millis(Timestamp? time) => time is null ? 0 : time.Seconds * 1000 + time.Nanos / 1_000_000;
}
