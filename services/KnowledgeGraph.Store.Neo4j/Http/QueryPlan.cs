using System.Text.Json;

namespace KnowledgeGraph.Store.Neo4j.Http;

/// <summary>
/// An execution plan as the Query API returns it for <c>EXPLAIN</c> (<c>queryPlan</c>) or <c>PROFILE</c>
/// (<c>profiledQueryPlan</c>): a tree of operators such as <c>NodeIndexSeek@neo4j</c> (profile-query.adoc).
/// </summary>
public sealed record QueryPlan(string OperatorType, IReadOnlyList<QueryPlan> Children)
{
    /// <summary>The operator's name without the runtime suffix: <c>NodeIndexSeek@neo4j</c> is <c>NodeIndexSeek</c>.</summary>
    public string Operator => OperatorType.Split('@')[0];

    /// <summary>Every operator of the tree, this one first.</summary>
    public IEnumerable<QueryPlan> Operators() => Children.SelectMany(c => c.Operators()).Prepend(this);

    internal static QueryPlan Read(JsonElement plan) => new(
        plan.GetProperty("operatorType").GetString() ?? "",
        plan.TryGetProperty("children", out var children) ? children.EnumerateArray().Select(Read).ToList() : []);
}
