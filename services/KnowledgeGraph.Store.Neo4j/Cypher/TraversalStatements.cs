using KnowledgeGraph.Domain;

namespace KnowledgeGraph.Store.Neo4j.Cypher;

/// <summary>
/// Path, dependency and neighbourhood queries, run inside Cypher with quantified path patterns. The
/// type, direction and validity filters sit inside the pattern, so Neo4j prunes while it expands;
/// every pattern has a literal upper bound (Cypher takes no parameter there), so there is one
/// statement per depth, and every query ends with LIMIT.
/// </summary>
public static class TraversalStatements
{
    /// <summary>The relationship is valid at $as_of: valid_from &lt;= as_of &lt; valid_to, open ends unbounded.</summary>
    private const string ValidAt = "(r.valid_from IS NULL OR r.valid_from <= $as_of) AND (r.valid_to IS NULL OR $as_of < r.valid_to)";

    /// <summary>One hop of FindPaths and GetNeighborhood: type filter, direction ($outgoing: a is the source; $incoming: a is the target), validity; no self-loops.</summary>
    private const string Hop =
        "((a)-[r]-(b) WHERE (size($types) = 0 OR type(r) IN $types) " +
        "AND (($outgoing AND startNode(r) = a) OR ($incoming AND endNode(r) = a)) " +
        "AND a <> b AND " + ValidAt + ")";

    /// <summary>One dependency hop: each type in its dependency direction, the commodity filter (a relationship without a commodity takes part), validity.</summary>
    private const string DependencyHop =
        "((a)-[r]-(b) WHERE ((type(r) IN $forward_types AND startNode(r) = a) OR (type(r) IN $backward_types AND endNode(r) = a)) " +
        "AND ($commodity IS NULL OR r.commodity IS NULL OR r.commodity = $commodity) " +
        "AND a <> b AND " + ValidAt + ")";

    /// <summary>No entity twice: the start is not among the hop ends, and the hop ends are distinct.</summary>
    private static string Simple(string start) =>
        $"NOT {start} IN b AND all(i IN range(0, size(b) - 2) WHERE NOT b[i] IN b[i + 1..])";

    private const string PathOrder = "ORDER BY length(p), [rel IN relationships(p) | rel.name]";

    private static readonly string[] PathParameters = ["source", "target", "types", "outgoing", "incoming", "as_of", "limit"];

    /// <summary>Every shortest path (ALL SHORTEST), capped by $limit; sorted by the shared path order afterwards.</summary>
    public static CypherStatement ShortestPaths(int depth) => ByDepth(ShortestPathsByDepth, depth);

    /// <summary>The k shortest simple paths (SHORTEST k, k = the largest max_paths + 1), sorted by the shared path order afterwards.</summary>
    public static CypherStatement KShortestPaths(int depth) => ByDepth(KShortestPathsByDepth, depth);

    /// <summary>All simple paths up to the depth, in path order (fewer hops, then relationship names), capped by $limit.</summary>
    public static CypherStatement SimplePaths(int depth) => ByDepth(SimplePathsByDepth, depth);

    /// <summary>Whether some entity other than the target is first reached at exactly the depth (the search could go on: MAX_DEPTH).</summary>
    public static CypherStatement ReachesDepth(int depth) => ByDepth(ReachesDepthByDepth, depth);

    /// <summary>Weighted dependency routes from $root up to the depth, in path order; see <see cref="DependencyRoutesByDepth"/>.</summary>
    public static CypherStatement DependencyRoutes(int depth) => ByDepth(DependencyRoutesByDepth, depth);

    /// <summary>Every entity within the depth of the centre with its distance (ANY SHORTEST per entity).</summary>
    public static CypherStatement NeighborhoodDistances(int depth) => ByDepth(NeighborhoodDistancesByDepth, depth);

    /// <summary>The valid relationships of the chosen types among a set of entities.</summary>
    public static readonly CypherStatement RelationshipsAmong = new("Traversal.RelationshipsAmong",
        $$"""
        MATCH (u:Entity)-[r]->(v:Entity)
        WHERE u.id IN $ids AND v.id IN $ids AND u <> v AND (size($types) = 0 OR type(r) IN $types) AND {{ValidAt}}
        RETURN u.name AS source, v.name AS target, r.blob AS blob, r.etag AS etag, r.create_time AS create_time, r.update_time AS update_time
        ORDER BY r.name
        LIMIT $limit
        """,
        "ids", "types", "as_of", "limit");

    private static readonly CypherStatement[] ShortestPathsByDepth = Depths(Limits.MaxPathDepth, d => new(
        $"Traversal.ShortestPaths.{d}",
        $$"""
        MATCH p = ALL SHORTEST (s:Entity {id: $source}) {{Hop}}{1,{{d}}} (t:Entity {id: $target})
        RETURN p
        LIMIT $limit
        """,
        PathParameters));

    private static readonly CypherStatement[] KShortestPathsByDepth = Depths(Limits.MaxPathDepth, d => new(
        $"Traversal.KShortestPaths.{d}",
        $$"""
        MATCH p = SHORTEST {{Limits.MaxMaxPaths + 1}} ((s:Entity {id: $source}) {{Hop}}{1,{{d}}} (t:Entity {id: $target}) WHERE {{Simple("s")}})
        RETURN p
        {{PathOrder}}
        LIMIT $limit
        """,
        PathParameters));

    private static readonly CypherStatement[] SimplePathsByDepth = Depths(Limits.MaxPathDepth, d => new(
        $"Traversal.SimplePaths.{d}",
        $$"""
        MATCH p = (s:Entity {id: $source}) {{Hop}}{1,{{d}}} (t:Entity {id: $target})
        WHERE {{Simple("s")}}
        RETURN p
        {{PathOrder}}
        LIMIT $limit
        """,
        PathParameters));

    private static readonly CypherStatement[] ReachesDepthByDepth = Depths(Limits.MaxPathDepth, d => new(
        $"Traversal.ReachesDepth.{d}",
        $$"""
        MATCH p = ANY SHORTEST (s:Entity {id: $source}) {{Hop}}{1,{{d}}} (x:Entity)
        WITH x, length(p) AS distance
        WHERE distance = {{d}} AND x.id <> $target
        RETURN count(x) > 0 AS reaches
        """,
        "source", "target", "types", "outgoing", "incoming", "as_of"));

    /// <summary>
    /// Routes one hop deeper than asked (so a route that goes on reveals MAX_DEPTH). A route is
    /// listed only if the product of its weights before the last hop is at least $min_exposure:
    /// the shared tracer extends only routes that still reach the minimum, and weights in (0, 1]
    /// never raise a product.
    /// </summary>
    private static readonly CypherStatement[] DependencyRoutesByDepth = Depths(Limits.MaxTraceDepth + 1, d => new(
        $"Traversal.DependencyRoutes.{d}",
        $$"""
        MATCH p = (root:Entity {id: $root}) {{DependencyHop}}{1,{{d}}} (x:Entity)
        WHERE {{Simple("root")}}
          AND reduce(product = 1.0, hop IN r[..-1] | product * hop.weight) >= $min_exposure
        RETURN p
        {{PathOrder}}
        LIMIT $limit
        """,
        "root", "forward_types", "backward_types", "commodity", "as_of", "min_exposure", "limit"));

    private static readonly CypherStatement[] NeighborhoodDistancesByDepth = Depths(Limits.MaxNeighborhoodDepth, d => new(
        $"Traversal.NeighborhoodDistances.{d}",
        $$"""
        MATCH p = ANY SHORTEST (c:Entity {id: $source}) {{Hop}}{1,{{d}}} (x:Entity)
        WHERE x <> c
        RETURN x.id AS id, length(p) AS distance
        ORDER BY distance, x.name
        LIMIT $limit
        """,
        "source", "types", "outgoing", "incoming", "as_of", "limit"));

    public static IEnumerable<CypherStatement> All() =>
    [
        .. ShortestPathsByDepth, .. KShortestPathsByDepth, .. SimplePathsByDepth, .. ReachesDepthByDepth,
        .. DependencyRoutesByDepth, .. NeighborhoodDistancesByDepth, RelationshipsAmong,
    ];

    private static CypherStatement[] Depths(int max, Func<int, CypherStatement> create) =>
        Enumerable.Range(1, max).Select(create).ToArray();

    private static CypherStatement ByDepth(CypherStatement[] byDepth, int depth) =>
        depth >= 1 && depth <= byDepth.Length
            ? byDepth[depth - 1]
            : throw new ArgumentOutOfRangeException(nameof(depth), depth, $"depth must be from 1 to {byDepth.Length}");
}
