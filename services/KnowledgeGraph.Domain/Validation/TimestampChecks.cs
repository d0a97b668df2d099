using Google.Protobuf.WellKnownTypes;

namespace KnowledgeGraph.Domain.Validation;

/// <summary>
/// A Timestamp may hold any seconds and nanos on the wire, but only 0001-01-01 to 9999-12-31 with
/// nanos in [0, 1e9) is a real instant (google/protobuf/timestamp.proto). Anything else cannot be
/// compared, stored or written as JSON, so it is refused as input.
/// </summary>
public static class TimestampChecks
{
    private const long MinSeconds = -62_135_596_800;   // 0001-01-01T00:00:00Z
    private const long MaxSeconds = 253_402_300_799;   // 9999-12-31T23:59:59Z

    public const string Range = "0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z";

    public static bool IsValid(Timestamp timestamp) =>
        timestamp.Seconds is >= MinSeconds and <= MaxSeconds && timestamp.Nanos is >= 0 and < 1_000_000_000;
}
