using Google.Protobuf.WellKnownTypes;
using KnowledgeGraph.V1;
using static KnowledgeGraph.FunctionalTests.Infrastructure.TestGraph;

namespace KnowledgeGraph.FunctionalTests.Article;

/// <summary>
/// The question the article's energy paragraphs answer: what Japan's gas supply depends on. Asked as
/// of mid-2030, when both Jera's US contracts ("beginning around 2030") and the Sakhalin-2 contracts
/// ("set to expire between 2028 and 2033", so held until 2033-01-01) are in force, so the answer does
/// not move with the day the tests run.
/// </summary>
internal static class JapanGasQuestion
{
    public const string Japan = "entities/japan";
    public const string NaturalGas = "entities/natural-gas";
    public const double Tolerance = 1e-12;

    public static readonly Timestamp AsOf = Date(2030, 6, 1);

    public static TraceDependenciesRequest Trace(params string[] exclude) => new()
    {
        Root = Japan,
        Direction = TraceDirection.Upstream,
        Commodity = NaturalGas,
        AsOf = AsOf,
        Exclude = { exclude },
        CompareBaseline = exclude.Length > 0,
    };

    public static FindChokepointsRequest Chokepoints() => new()
    {
        Root = Japan,
        Direction = TraceDirection.Upstream,
        Commodity = NaturalGas,
        AsOf = AsOf,
    };

    /// <summary>A route as the ids of its relationships, "a > b", for readable assertions.</summary>
    public static string Ids(DependencyRoute route) =>
        string.Join(" > ", route.Path.Hops.Select(h => h.Relationship.Name["relationships/".Length..]));

    /// <summary>An entity name without its collection, for readable assertions.</summary>
    public static string Id(EntityRef entity) => entity.Name["entities/".Length..];
}
