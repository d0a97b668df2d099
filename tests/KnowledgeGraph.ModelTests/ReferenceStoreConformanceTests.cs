using KnowledgeGraph.Store;
using KnowledgeGraph.Store.Conformance;
using KnowledgeGraph.Store.Reference;

namespace KnowledgeGraph.ModelTests;

/// <summary>The store conformance suite against the reference store, so the oracle of the model tests is held to the port too.</summary>
public sealed class ReferenceStoreConformanceTests : GraphStoreConformanceTests
{
    protected override Task<IGraphStore> CreateEmptyStoreAsync() => Task.FromResult<IGraphStore>(new ReferenceGraphStore());

    protected override string? FutureConsistencyToken(string issuedToken) =>
        ReferenceGraphStore.FormatToken(ReferenceGraphStore.ParseToken(issuedToken) + 1_000_000);
}
