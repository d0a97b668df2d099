namespace KnowledgeGraph.Application.Telemetry;

/// <summary>How many entities and relationships the graph holds.</summary>
public sealed record GraphSize(long Entities, long Relationships);

/// <summary>
/// Where the <c>kg.graph.resources</c> gauge reads the graph's size. <see cref="StoreGraphSize"/> serves
/// services that keep no copy of the graph; a service that holds one (the Queries projection) registers
/// itself as the source before <c>AddApplicationTelemetry</c>, which then keeps it.
/// </summary>
public interface IGraphSizeSource
{
    /// <summary>The latest size known, or null before the first is. Read on every metrics collection, so it must not block.</summary>
    GraphSize? Current { get; }
}
