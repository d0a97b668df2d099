namespace KnowledgeGraph.Bench.Generation;

/// <summary>
/// A generated supply network held as columns: entity <c>i</c> is <c>entities/{Ids[i]}</c> of kind
/// <c>EntityKinds[Kinds[i]]</c>; relationship <c>j</c> is <c>relationships/r{j}</c> from
/// <c>Sources[j]</c> to <c>Targets[j]</c> of type <c>RelationshipTypes[Types[j]]</c>.
/// </summary>
public sealed class GeneratedGraph(
    string[] ids, byte[] kinds, int[] sources, int[] targets, byte[] types, double[] shares, int[] commodities,
    DateTimeOffset?[] validFrom, DateTimeOffset?[] validTo)
{
    public static readonly string[] EntityKinds = ["Country", "Company", "Project", "Commodity"];

    public static readonly string[] RelationshipTypes =
        ["SUPPLIES", "DEPENDS_ON", "EXTRACTS", "PROCESSES", "LOCATED_IN", "INVESTS_IN", "PURCHASES_FROM", "OPERATES"];

    public string[] Ids { get; } = ids;
    public byte[] Kinds { get; } = kinds;
    public int[] Sources { get; } = sources;
    public int[] Targets { get; } = targets;
    public byte[] Types { get; } = types;

    /// <summary>The <c>share</c> property; NaN on the types without one.</summary>
    public double[] Shares { get; } = shares;

    /// <summary>The entity index of the <c>commodity</c> property; -1 where there is none.</summary>
    public int[] Commodities { get; } = commodities;

    public DateTimeOffset?[] ValidFrom { get; } = validFrom;
    public DateTimeOffset?[] ValidTo { get; } = validTo;

    public int EntityCount => Ids.Length;
    public int RelationshipCount => Sources.Length;

    public string EntityName(int entity) => $"entities/{Ids[entity]}";

    public static string RelationshipName(int relationship) => $"relationships/r{relationship}";

    public string TypeName(int relationship) => RelationshipTypes[Types[relationship]];

    /// <summary>Whether relationship <paramref name="relationship"/> takes part in a query as of <paramref name="asOf"/>: valid_from ≤ as_of &lt; valid_to.</summary>
    public bool IsValidAt(int relationship, DateTimeOffset asOf) =>
        (ValidFrom[relationship] is not { } from || from <= asOf) && (ValidTo[relationship] is not { } to || asOf < to);
}
