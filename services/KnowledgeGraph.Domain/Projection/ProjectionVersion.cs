using KnowledgeGraph.V1;

namespace KnowledgeGraph.Domain.Projection;

/// <summary>
/// One immutable state of the projection: the base, the overlay of later writes, and the change-feed
/// position they reflect. A query reads one version from start to end, so it sees one state of the
/// graph however many writes are applied meanwhile; applying a write makes a new version.
/// </summary>
public sealed class ProjectionVersion
{
    private readonly NameTable _entities;
    private readonly NameTable _relationships;
    private readonly byte[] _baseKinds;
    private readonly IComparer<ProjectedEdge> _byName;
    private readonly IComparer<Step> _stepsByName;

    internal ProjectionVersion(ProjectionSchema schema, NameTable entities, NameTable relationships, GraphBase graph, byte[] baseKinds, StoreLocators locators, Overlay overlay, long position, (int Entities, int Relationships) counts)
    {
        Counts = counts;
        Locators = locators;
        Schema = schema;
        _entities = entities;
        _relationships = relationships;
        Graph = graph;
        _baseKinds = baseKinds;
        Overlay = overlay;
        Position = position;
        EntityIdLimit = entities.Count;
        _byName = Comparer<ProjectedEdge>.Create((a, b) => relationships.Compare(a.Relationship, b.Relationship));
        _stepsByName = Comparer<Step>.Create((a, b) => a.BaseEdge >= 0 && b.BaseEdge >= 0
            ? a.BaseEdge.CompareTo(b.BaseEdge)
            : relationships.Compare(a.Relationship, b.Relationship));
    }

    public static ProjectionVersion Empty(ProjectionSchema schema) =>
        new(schema, new NameTable(), new NameTable(), GraphBase.Empty, [], StoreLocators.Empty, Overlay.Empty, 0, (0, 0));

    public ProjectionSchema Schema { get; }
    public GraphBase Graph { get; }
    public Overlay Overlay { get; }

    /// <summary>Where the store keeps what the load read, for reading evidence without a lookup by name.</summary>
    public StoreLocators Locators { get; }

    /// <summary>The change-feed position this version has applied.</summary>
    public long Position { get; }

    /// <summary>Entity ids are below this (some are names only: commodities nobody created, deleted entities).</summary>
    public int EntityIdLimit { get; }

    internal NameTable EntityNames => _entities;
    internal NameTable RelationshipNames => _relationships;

    public byte KindOf(int entity) =>
        Overlay.Kinds.TryGetValue(entity, out var kind) ? kind : entity < _baseKinds.Length ? _baseKinds[entity] : ProjectionSchema.Absent;

    public bool Exists(int entity) => KindOf(entity) != ProjectionSchema.Absent;

    /// <summary>The id of an existing entity named <paramref name="name"/> (entities/{id}), or -1.</summary>
    public int FindEntity(string name)
    {
        if (!ResourceNames.TryParseEntity(name, out var id)) return -1;
        var found = _entities.Find(id);
        return found >= 0 && found < EntityIdLimit && Exists(found) ? found : -1;
    }

    /// <summary>The id of an existing relationship named <paramref name="name"/> (relationships/{id}), or -1.</summary>
    public int FindRelationship(string name)
    {
        if (!ResourceNames.TryParseRelationship(name, out var id)) return -1;
        var found = _relationships.Find(id);
        if (found < 0) return -1;
        if (Overlay.ByRelationship.ContainsKey(found)) return found;
        return found < Graph.EdgeOfRelationship.Length && Graph.EdgeOfRelationship[found] is var edge and >= 0 && !Overlay.IsBaseEdgeDeleted(edge) ? found : -1;
    }

    public string EntityName(int entity) => ResourceNames.Entity(_entities.NameOf(entity));

    public string RelationshipName(int relationship) => ResourceNames.Relationship(_relationships.NameOf(relationship));

    public int CompareRelationshipNames(int a, int b) => _relationships.Compare(a, b);

    /// <summary>Ordinal order of two entities' names (entities/{id}: the same as their ids'), without building the names.</summary>
    public int CompareEntityNames(int a, int b) => _entities.Compare(a, b);

    /// <summary>How many entities and relationships the graph holds in this version.</summary>
    public (int Entities, int Relationships) Counts { get; }

    /// <summary>
    /// The edges <paramref name="filter"/> admits from <paramref name="node"/> into <paramref name="into"/>
    /// (cleared first). With <paramref name="ordered"/> they come in relationship-name order, which
    /// path enumeration needs: the base's out and in lists, each already in that order, are merged as
    /// they are read, so only edges from the overlay ever need a sort. Breadth-first searches skip the ordering.
    /// </summary>
    public void Steps(int node, in EdgeFilter filter, List<Step> into, bool ordered)
    {
        into.Clear();
        var (outgoing, incoming) = (filter.OutTypes != 0, filter.InTypes != 0);
        if (ordered && outgoing && incoming) AddBaseMerged(node, filter, into);
        else
        {
            if (outgoing) AddBase(node, filter, into, Graph.OutStart, Graph.OutEdge, Graph.OutSlot, Graph.OutFar, outgoing: true);
            if (incoming) AddBase(node, filter, into, Graph.InStart, Graph.InEdge, Graph.InSlot, Graph.InFar, outgoing: false);
        }
        var runs = into.Count > 0 ? 1 : 0;
        if (outgoing) runs += AddOverlay(Overlay.Out, node, filter, into, outgoing: true);
        if (incoming) runs += AddOverlay(Overlay.In, node, filter, into, outgoing: false);
        if (ordered && runs > 1) into.Sort(_stepsByName);
    }

    /// <summary>
    /// The hops <see cref="Steps"/> would take from <paramref name="node"/> into <paramref name="into"/>
    /// (cleared first, in no order): the edge (by reference: see <see cref="Search.EdgeHop"/>), the way
    /// it is followed and the entity reached, which is all a breadth-first search needs, read from the
    /// adjacency slots instead of copying each edge.
    /// </summary>
    internal void Neighbors(int node, in EdgeFilter filter, List<Search.EdgeHop> into)
    {
        into.Clear();
        if (filter.OutTypes != 0)
        {
            AddBaseNeighbors(node, filter, into, Graph.OutStart, Graph.OutEdge, Graph.OutSlot, Graph.OutFar, outgoing: true);
            AddOverlayNeighbors(Overlay.Out, node, filter, into, outgoing: true);
        }
        if (filter.InTypes != 0)
        {
            AddBaseNeighbors(node, filter, into, Graph.InStart, Graph.InEdge, Graph.InSlot, Graph.InFar, outgoing: false);
            AddOverlayNeighbors(Overlay.In, node, filter, into, outgoing: false);
        }
    }

    private void AddBaseNeighbors(int node, in EdgeFilter filter, List<Search.EdgeHop> into, int[] start, int[] ids, byte[] slots, int[] fars, bool outgoing)
    {
        if (node >= Graph.NodeCount) return;
        for (var k = start[node]; k < start[node + 1]; k++)
            if (filter.Follows(slots[k], outgoing) && AdmitsBase(filter, node, ids[k], slots[k], fars[k])) into.Add(new(ids[k], outgoing, fars[k]));
    }

    private static void AddOverlayNeighbors(System.Collections.Immutable.ImmutableDictionary<int, System.Collections.Immutable.ImmutableArray<ProjectedEdge>> map, int node, in EdgeFilter filter, List<Search.EdgeHop> into, bool outgoing)
    {
        if (map.IsEmpty || !map.TryGetValue(node, out var edges)) return;
        foreach (var edge in edges)
            if (filter.Admits(edge, outgoing)) into.Add(new(~edge.Relationship, outgoing, outgoing ? edge.Target : edge.Source));
    }

    /// <summary>The hop <paramref name="hop"/> refers to, with its relationship read from the edge columns (or its overlay reference).</summary>
    internal Search.ProjectedHop HopOf(Search.EdgeHop hop) =>
        new(hop.Edge >= 0 ? Graph.Edges.Relationship[hop.Edge] : ~hop.Edge, hop.Outgoing, hop.To);

    /// <summary>
    /// At most how many steps <see cref="Steps"/> would read from <paramref name="node"/> in the
    /// directions <paramref name="filter"/> follows, before types and validity are checked: its degree,
    /// in O(1) from the CSR offsets plus the overlay's edges. Searches use it to grow the cheaper side.
    /// </summary>
    public int DegreeBound(int node, in EdgeFilter filter)
    {
        var degree = 0;
        if (filter.OutTypes != 0) degree += BaseDegree(node, Graph.OutStart) + OverlayDegree(Overlay.Out, node);
        if (filter.InTypes != 0) degree += BaseDegree(node, Graph.InStart) + OverlayDegree(Overlay.In, node);
        return degree;
    }

    private int BaseDegree(int node, int[] start) => node < Graph.NodeCount ? start[node + 1] - start[node] : 0;

    private static int OverlayDegree(System.Collections.Immutable.ImmutableDictionary<int, System.Collections.Immutable.ImmutableArray<ProjectedEdge>> map, int node) =>
        !map.IsEmpty && map.TryGetValue(node, out var edges) ? edges.Length : 0;

    private void AddBase(int node, in EdgeFilter filter, List<Step> into, int[] start, int[] ids, byte[] slots, int[] fars, bool outgoing)
    {
        if (node >= Graph.NodeCount) return;
        for (var k = start[node]; k < start[node + 1]; k++)
            if (filter.Follows(slots[k], outgoing)) AddBaseEdge(node, filter, into, ids[k], slots[k], fars[k], outgoing);
    }

    /// <summary>
    /// The base edges both ways, in name order: the out and in lists (each in edge-id order, which is
    /// name order) merged. Slots of a type not followed are passed over before the merge compares them.
    /// </summary>
    private void AddBaseMerged(int node, in EdgeFilter filter, List<Step> into)
    {
        if (node >= Graph.NodeCount) return;
        var graph = Graph;
        int o = Next(graph.OutSlot, graph.OutStart[node], graph.OutStart[node + 1], filter, outgoing: true), outEnd = graph.OutStart[node + 1];
        int i = Next(graph.InSlot, graph.InStart[node], graph.InStart[node + 1], filter, outgoing: false), inEnd = graph.InStart[node + 1];
        while (o < outEnd || i < inEnd)
        {
            if (i == inEnd || (o < outEnd && graph.OutEdge[o] < graph.InEdge[i]))
            {
                AddBaseEdge(node, filter, into, graph.OutEdge[o], graph.OutSlot[o], graph.OutFar[o], outgoing: true);
                o = Next(graph.OutSlot, o + 1, outEnd, filter, outgoing: true);
            }
            else
            {
                AddBaseEdge(node, filter, into, graph.InEdge[i], graph.InSlot[i], graph.InFar[i], outgoing: false);
                i = Next(graph.InSlot, i + 1, inEnd, filter, outgoing: false);
            }
        }

        static int Next(byte[] slots, int k, int end, in EdgeFilter filter, bool outgoing)
        {
            while (k < end && !filter.Follows(slots[k], outgoing)) k++;
            return k;
        }
    }

    /// <summary>Adds base edge <paramref name="id"/>, in a slot whose type the filter follows, when the rest of the filter admits it.</summary>
    private void AddBaseEdge(int node, in EdgeFilter filter, List<Step> into, int id, byte slot, int far, bool outgoing)
    {
        // An edge the rule refuses is read no further, and one it admits only for its relationship and weight.
        if (AdmitsBase(filter, node, id, slot, far)) into.Add(new Step(Graph.Edges.Relationship[id], Graph.Edges.Weight[id], far, outgoing, id));
    }

    /// <summary>Whether base edge <paramref name="id"/>, in a slot whose type the filter follows, passes the rest of the filter and is not deleted by the overlay.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private bool AdmitsBase(in EdgeFilter filter, int node, int id, byte slot, int far) =>
        filter.AdmitsFollowed(Graph.Edges, id, slot, node, far) && !Overlay.IsBaseEdgeDeleted(id);

    private static int AddOverlay(System.Collections.Immutable.ImmutableDictionary<int, System.Collections.Immutable.ImmutableArray<ProjectedEdge>> map, int node, in EdgeFilter filter, List<Step> into, bool outgoing)
    {
        if (map.IsEmpty || !map.TryGetValue(node, out var edges)) return 0;
        var before = into.Count;
        foreach (var edge in edges)
            if (filter.Admits(edge, outgoing)) into.Add(new Step(edge.Relationship, edge.Weight, outgoing ? edge.Target : edge.Source, outgoing, -1));
        return into.Count > before ? 1 : 0;
    }

    /// <summary>This version with <paramref name="name"/> now being <paramref name="entity"/> (null: deleted).</summary>
    public ProjectionVersion WithEntity(string name, Entity? entity)
    {
        if (!ResourceNames.TryParseEntity(name, out var id)) return this;
        var entityId = _entities.GetOrAdd(id);
        var kind = entity is null ? ProjectionSchema.Absent : Schema.KindOf(entity.Kind);
        var change = (entity is null ? 0 : 1) - (entityId < EntityIdLimit && Exists(entityId) ? 1 : 0);
        return With(Overlay with { Kinds = Overlay.Kinds.SetItem(entityId, kind) }, Position, (Counts.Entities + change, Counts.Relationships));
    }

    /// <summary>This version with <paramref name="name"/> now being <paramref name="relationship"/> (null: deleted).</summary>
    public ProjectionVersion WithRelationship(string name, Relationship? relationship)
    {
        if (!ResourceNames.TryParseRelationship(name, out var id)) return this;
        var relationshipId = relationship is null ? _relationships.Find(id) : _relationships.GetOrAdd(id);
        if (relationshipId < 0) return this;
        var overlay = Overlay;
        var existed = true;
        if (overlay.ByRelationship.TryGetValue(relationshipId, out var current)) overlay = overlay.RemoveEdge(current);
        else if (relationshipId < Graph.EdgeOfRelationship.Length && Graph.EdgeOfRelationship[relationshipId] is var baseEdge and >= 0 && !overlay.IsBaseEdgeDeleted(baseEdge))
            overlay = overlay.DeleteBaseEdge(baseEdge, Graph.EdgeCount);
        else existed = false;
        if (relationship is not null) overlay = overlay.AddEdge(Schema.EdgeOf(relationship, relationshipId, EntityIdOf), _byName);
        var change = (relationship is null ? 0 : 1) - (existed ? 1 : 0);
        return With(overlay, Position, (Counts.Entities, Counts.Relationships + change));
    }

    /// <summary>This version as of change-feed position <paramref name="position"/>.</summary>
    public ProjectionVersion At(long position) => With(Overlay, position, Counts);

    /// <summary>The same graph with the overlay folded into a new base (edges in name order), and an empty overlay.</summary>
    public ProjectionVersion Compact()
    {
        var added = Overlay.ByRelationship.Values.ToList();
        added.Sort(_byName);
        var edges = new EdgeColumns(Graph.EdgeCount - Overlay.DeletedBaseCount + added.Count);
        var next = 0;
        for (var id = 0; id < Graph.EdgeCount; id++)
        {
            if (Overlay.IsBaseEdgeDeleted(id)) continue;
            var edge = Graph.Edges[id];
            while (next < added.Count && _relationships.Compare(added[next].Relationship, edge.Relationship) < 0) edges.Add(added[next++]);
            edges.Add(edge);
        }
        while (next < added.Count) edges.Add(added[next++]);

        var limit = _entities.Count;
        var kinds = new byte[limit];
        for (var entity = 0; entity < limit; entity++) kinds[entity] = KindOf(entity);
        return new ProjectionVersion(Schema, _entities, _relationships, GraphBase.Build(edges, limit, _relationships.Count), kinds, Locators, Overlay.Empty, Position, Counts);
    }

    internal static ProjectionVersion Built(ProjectionSchema schema, NameTable entities, NameTable relationships, EdgeColumns edges, byte[] kinds, StoreLocators locators, long position) =>
        new(schema, entities, relationships, GraphBase.Build(edges, entities.Count, relationships.Count), kinds, locators, Overlay.Empty, position,
            (kinds.Count(k => k != ProjectionSchema.Absent), edges.Count));

    private ProjectionVersion With(Overlay overlay, long position, (int Entities, int Relationships) counts) =>
        new(Schema, _entities, _relationships, Graph, _baseKinds, Locators, overlay, position, counts);

    private int EntityIdOf(string name) =>
        ResourceNames.TryParseEntity(name, out var id) ? _entities.GetOrAdd(id) : throw new InvalidDataException($"'{name}' is not an entity name.");
}
