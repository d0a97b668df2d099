using CsCheck;
using Google.Protobuf.WellKnownTypes;

namespace KnowledgeGraph.FuzzTests.Generators;

/// <summary>
/// The values a careless or hostile client sends, field by field: strings that are empty, huge,
/// control characters, right-to-left marks, Cypher and SQL; numbers at and past every limit, NaN
/// and infinities; timestamps outside what a Timestamp may hold. Valid values come often enough
/// that calls get past the first check and reach the deeper ones.
/// </summary>
public static class Hostile
{
    public static readonly string[] EntityIds = ["japan", "australia", "russia", "lng", "sakhalin-2", "jera", "f0", "f1", "f2", "f3"];
    public static readonly string[] RelationshipIds = ["r-supplies", "r-extracts", "r-located", "r-depends", "g0", "g1", "g2", "g3"];
    public static readonly string[] Kinds = ["Country", "Company", "Project", "Agreement", "Commodity", "Person", "Organization", "Event"];
    public static readonly string[] Types = ["SUPPLIES", "DEPENDS_ON", "EXTRACTS", "PROCESSES", "LOCATED_IN", "PARTY_TO", "SIGNED", "INVESTS_IN", "OPERATES"];

    private static readonly string Megabyte = new('x', 1 << 20);

    /// <summary>Text no field should choke on.</summary>
    public static readonly string[] NastyText =
    [
        "", " ", "\t\r\n", "\0", "a\0b", "\u0001\u0002\u001f\u007f", "\u202Eevil\u202C", "\u200B\u200D\uFEFF", "\u0301\u0301\u0301",
        "日本", "Ünïcødé Çøüñtrÿ", "🇯🇵🔥", "\uD800", "\uDFFF\uD800", "'; DROP TABLE entities; --", "\" OR 1=1 --", "MATCH (n) DETACH DELETE n",
        "}) RETURN 1 //", "$param", "%00", "%2F", "../../etc/passwd", "${jndi:ldap://x}", "{{7*7}}", "\\q", "\\", "\"", "(a+)+$", "*", "null",
        new string('a', 257), new string('é', 4097), new string('\u202E', 300),
    ];

    public static Gen<string> Text { get; } = Gen.Frequency(
        (6, Gen.OneOf(NastyText)),
        (3, Gen.String),
        (1, Gen.Char.Array[200, 3000].Select(c => new string(c))),
        (1, Gen.Const(Megabyte)));

    /// <summary>An id of the small pool (so creates collide and updates find something), or a bad one.</summary>
    public static Gen<string> EntityId { get; } = Gen.Frequency((8, Gen.OneOf(EntityIds)), (2, BadIds()));
    public static Gen<string> RelationshipId { get; } = Gen.Frequency((8, Gen.OneOf(RelationshipIds)), (2, BadIds()));

    private static Gen<string> BadIds() => Gen.Frequency(
        (4, Gen.OneOf("", "-a", "A", "a_b", "a b", "a/b", "é", "a.b", new string('a', 64), new string('a', 63) + "-", "0")),
        (3, Text));

    public static Gen<string> EntityName { get; } = Gen.Frequency(
        (8, EntityId.Select(id => "entities/" + id)),
        (2, Gen.OneOf(
            Gen.OneOf("entities/", "entities", "entities//japan", "entities/japan/x", " entities/japan", "Entities/japan", "relationships/r-supplies", "/entities/japan", "entities/japan\0"),
            RelationshipId.Select(id => "relationships/" + id),
            Text)));

    public static Gen<string> RelationshipName { get; } = Gen.Frequency(
        (8, RelationshipId.Select(id => "relationships/" + id)),
        (2, Gen.OneOf(
            Gen.OneOf("relationships/", "relationships", "relationships/a/b", "entities/japan", "RELATIONSHIPS/r0"),
            EntityId.Select(id => "entities/" + id),
            Text)));

    /// <summary>Sizes, depths and counts: 0 (the default), the limits and one past, negatives, extremes.</summary>
    public static Gen<int> Count { get; } = Gen.Frequency(
        (5, Gen.OneOf(0, 1, 2, 3, 5)),
        (3, Gen.OneOf(-1, 4, 6, 10, 11, 20, 21, 100, 101, 1000, 1001, 5000, 5001, int.MaxValue, int.MinValue)),
        (1, Gen.Int));

    public static Gen<double> Number { get; } = Gen.Frequency(
        (5, Gen.OneOf(0.0, 0.09, 0.5, 1.0)),
        (4, Gen.OneOf(double.NaN, double.PositiveInfinity, double.NegativeInfinity, -0.0, -1.0, 1.0000001, 2.0, 1e308, -1e308, double.Epsilon, double.MaxValue)),
        (1, Gen.Double));

    /// <summary>Timestamps, including those no Timestamp may hold (before year 1, after 9999, nanos out of range).</summary>
    public static Gen<Timestamp?> Time { get; } = Gen.Frequency(
        (4, Gen.Const((Timestamp?)null)),
        (4, Gen.OneOf(2000, 2019, 2025, 2028, 2033).Select(year => (Timestamp?)Timestamp.FromDateTime(new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Utc)))),
        (3, Gen.OneOf<(long Seconds, int Nanos)>(
            (long.MaxValue, 0), (long.MinValue, 0), (0, -1), (0, 1_000_000_000), (-62135596801, 0), (253402300800, 0),
            (-62135596800, 0), (253402300799, 999_999_999), (0, int.MaxValue), (1, int.MinValue))
            .Select(t => (Timestamp?)new Timestamp { Seconds = t.Seconds, Nanos = t.Nanos })),
        (1, Gen.Select(Gen.Long, Gen.Int, (s, n) => (Timestamp?)new Timestamp { Seconds = s, Nanos = n })));

    /// <summary>An enum value: a defined one, or a number the enum does not define.</summary>
    public static Gen<T> Enum<T>() where T : struct, System.Enum => Gen.Frequency(
        (6, Gen.OneOf(System.Enum.GetValues<T>())),
        (1, Gen.OneOf(-1, 4, 7, 99, int.MaxValue, int.MinValue).Select(v => (T)(object)v)));

    public static Gen<string> Etag { get; } = Gen.Frequency((6, Gen.Const("")), (2, Gen.OneOf("0000000000000000", "W/\"x\"", "*")), (1, Text));

    public static Gen<string> RequestId { get; } = Gen.Frequency((6, Gen.Const("")), (3, Gen.OneOf("req-1", "req-2", "req-3")), (1, Gen.OneOf(new string('q', 129), "\0", "\u202E")));

    public static Gen<bool> Seldom { get; } = Gen.Frequency((5, Gen.Const(false)), (1, Gen.Const(true)));

    public static Gen<List<T>> ListOf<T>(Gen<T> item, int usualMax, int hugeCount) => Gen.Frequency(
        (8, item.List[0, usualMax]),
        (1, item.List[hugeCount, hugeCount]));
}
