using KnowledgeGraph.Domain.Ontology;
using KnowledgeGraph.V1;

namespace KnowledgeGraph.Domain.Traversal;

/// <summary>
/// Loads the dependency steps leaving a frontier for a trace: only dependency-carrying types, each
/// followed in its dependency direction. Upstream (what X depends on) follows SOURCE_DEPENDS_ON_TARGET
/// types outgoing and TARGET_DEPENDS_ON_SOURCE types incoming; downstream the reverse. At most two
/// reader calls per frontier. With a commodity, a relationship takes part only if it has no
/// <c>commodity</c> property or its <c>commodity</c> equals the commodity's entity name.
/// </summary>
internal sealed class DependencyStepLoader
{
    public const string CommodityProperty = "commodity";

    private readonly IGraphReader _reader;
    private readonly TraceQuery _query;
    private readonly TraversalBudgetTracker _budget;
    private readonly IReadOnlySet<string> _outgoingTypes;
    private readonly IReadOnlySet<string> _incomingTypes;

    public DependencyStepLoader(IGraphReader reader, TraceQuery query, GraphOntology ontology, TraversalBudgetTracker budget)
    {
        _reader = reader;
        _query = query;
        _budget = budget;
        var providerIsTarget = ontology.DependencyTypes.Where(t => t.Dependency.Direction == DependencyDirection.SourceDependsOnTarget).Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var providerIsSource = ontology.DependencyTypes.Where(t => t.Dependency.Direction == DependencyDirection.TargetDependsOnSource).Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var upstream = query.Direction != TraceDirection.Downstream;
        _outgoingTypes = upstream ? providerIsTarget : providerIsSource;
        _incomingTypes = upstream ? providerIsSource : providerIsTarget;
    }

    /// <summary>The dependency steps leaving each frontier entity, in relationship-name order.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<TraversalStep>>> LoadAsync(IReadOnlySet<string> frontier, CancellationToken cancellationToken)
    {
        var steps = new List<TraversalStep>();
        if (_outgoingTypes.Count > 0)
            steps.AddRange(await FrontierExpander.ExpandAsync(_reader, frontier, Direction.Outgoing, _outgoingTypes, _query.AsOf, _query.Exclude, _budget, cancellationToken).ConfigureAwait(false));
        if (_incomingTypes.Count > 0)
            steps.AddRange(await FrontierExpander.ExpandAsync(_reader, frontier, Direction.Incoming, _incomingTypes, _query.AsOf, _query.Exclude, _budget, cancellationToken).ConfigureAwait(false));
        return steps
            .Where(s => IsForCommodity(s.Relationship, _query.Commodity))
            .GroupBy(s => s.From, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, IReadOnlyList<TraversalStep> (g) => [.. g.OrderBy(s => s.RelationshipName, StringComparer.Ordinal)], StringComparer.Ordinal);
    }

    public static bool IsForCommodity(Relationship relationship, string? commodity)
    {
        if (string.IsNullOrEmpty(commodity)) return true;
        if (!relationship.Properties.TryGetValue(CommodityProperty, out var value)) return true;
        return value.AsString() == commodity;
    }
}
