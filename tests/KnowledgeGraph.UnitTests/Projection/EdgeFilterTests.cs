using CsCheck;
using KnowledgeGraph.Domain.Projection;
using Xunit;

namespace KnowledgeGraph.UnitTests.Projection;

/// <summary>The filter's rule read through an adjacency slot and the columns (what searches use) is the rule on the whole edge.</summary>
public sealed class EdgeFilterTests
{
    private static readonly Gen<ProjectedEdge> Edges =
        from relationship in Gen.Int[0, 5]
        from source in Gen.Int[0, 3]
        from target in Gen.Int[0, 3]
        from type in Gen.Int[0, 7]
        from start in Gen.Long[0, 4]
        from length in Gen.Long[1, 4]
        from open in Gen.Int[0, 3]
        from commodity in Gen.Int[-1, 2]
        select new ProjectedEdge(relationship, source, target, (byte)type, 0.5,
            open is 1 or 3 ? ProjectedEdge.OpenStart : start, open is 2 or 3 ? ProjectedEdge.OpenEnd : start + length, commodity);

    private static readonly Gen<EdgeFilter> Filters =
        from outTypes in Gen.ULong[0, 255]
        from inTypes in Gen.ULong[0, 255]
        from asOf in Gen.Long[0, 8]
        from commodity in Gen.Int[-1, 2]
        from excludeEntity in Gen.Int[-1, 3]
        from excludeRelationship in Gen.Int[-1, 5]
        select new EdgeFilter(outTypes, inTypes, asOf, commodity,
            excludeEntity < 0 && excludeRelationship < 0 ? null
                : new ExcludedIds(new HashSet<int> { excludeEntity }, new HashSet<int> { excludeRelationship }));

    [Fact]
    public void Reading_an_edge_through_its_adjacency_slot_admits_exactly_the_edges_the_whole_edge_rule_admits() =>
        Gen.Select(Edges.Array[1, 12], Filters, Gen.Bool).Sample((edges, filter, outgoing) =>
        {
            var columns = new EdgeColumns();
            foreach (var edge in edges) columns.Add(edge);
            for (var id = 0; id < edges.Length; id++)
            {
                var (from, far) = outgoing ? (edges[id].Source, edges[id].Target) : (edges[id].Target, edges[id].Source);
                var slot = AdjacencySlot.Of(columns, id);
                var admitted = filter.Follows(slot, outgoing) && filter.AdmitsFollowed(columns, id, slot, from, far);
                Assert.Equal(filter.Admits(edges[id], outgoing), admitted);
            }
        }, iter: 2000);

    [Fact]
    public void A_filter_prints_its_members() =>
        Assert.Equal("EdgeFilter { OutTypes = 3, InTypes = 0, AsOf = 7, Commodity = -1, Excluded =  }", new EdgeFilter(3, 0, 7).ToString());
}
