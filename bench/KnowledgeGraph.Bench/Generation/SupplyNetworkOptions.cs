namespace KnowledgeGraph.Bench.Generation;

/// <param name="Entities">Entities in total: countries, commodities, projects and companies.</param>
/// <param name="Relationships">Relationships in total, every type together.</param>
/// <param name="Seed">The same seed and sizes give the same graph, byte for byte.</param>
/// <param name="Exponent">
/// Degree skew: endpoint <c>i</c> of a kind (by rank) is drawn with probability proportional to
/// <c>(i + 1)^-Exponent</c> (Chung–Lu weights). 0.83 gives a degree tail of exponent about 2.2,
/// as measured on trade and supplier networks, so a few hubs hold thousands of relationships.
/// </param>
public sealed record SupplyNetworkOptions(int Entities, int Relationships, int Seed = 42, double Exponent = 0.83);
