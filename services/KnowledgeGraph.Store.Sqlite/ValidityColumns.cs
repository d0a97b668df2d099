using Google.Protobuf.WellKnownTypes;

namespace KnowledgeGraph.Store.Sqlite;

/// <summary>
/// Validity bounds as unix milliseconds for SQL filtering. valid_from is rounded down and
/// valid_to up, so the SQL filter never drops a relationship that is valid; the exact
/// timestamps are checked afterwards in <see cref="IsValidAt"/>.
/// </summary>
internal static class ValidityColumns
{
    public static long? From(Timestamp? validFrom) => validFrom is null ? null : validFrom.Seconds * 1000 + validFrom.Nanos / 1_000_000;

    public static long? To(Timestamp? validTo) => validTo is null ? null : validTo.Seconds * 1000 + (validTo.Nanos + 999_999) / 1_000_000;

    /// <summary>The instant as unix milliseconds rounded down, to compare against the columns.</summary>
    public static long Instant(Timestamp asOf) => asOf.Seconds * 1000 + asOf.Nanos / 1_000_000;

    /// <summary>valid_from &lt;= asOf &lt; valid_to, open ends unbounded.</summary>
    public static bool IsValidAt(Timestamp? validFrom, Timestamp? validTo, Timestamp asOf) =>
        (validFrom is null || validFrom.CompareTo(asOf) <= 0) && (validTo is null || asOf.CompareTo(validTo) < 0);
}
