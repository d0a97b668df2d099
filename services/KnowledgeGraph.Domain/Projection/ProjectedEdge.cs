namespace KnowledgeGraph.Domain.Projection;

/// <summary>
/// What a traversal needs of one relationship, with dense ids: its name's id, its endpoints, its
/// type, its dependency weight (<see cref="UnknownWeight"/> when stated without one), its validity as UTC ticks ([From, To), <see cref="Open"/> ends) and
/// the entity id its <c>commodity</c> property names (<see cref="NoCommodity"/>, or
/// <see cref="UnknownCommodity"/> for a value that names no entity id).
/// </summary>
public readonly record struct ProjectedEdge(int Relationship, int Source, int Target, byte Type, double Weight, long From, long To, int Commodity)
{
    public const long OpenStart = long.MinValue;
    public const long OpenEnd = long.MaxValue;
    public const int NoCommodity = -1;
    public const int UnknownCommodity = -2;

    /// <summary>The weight of a dependency its source stated without a share.</summary>
    public const double UnknownWeight = double.NaN;

    public bool WeightKnown => !double.IsNaN(Weight);

    public bool IsValidAt(long ticks) => From <= ticks && ticks < To;
}
