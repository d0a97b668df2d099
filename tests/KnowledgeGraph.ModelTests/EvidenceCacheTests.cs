using KnowledgeGraph.Application.Projection;
using KnowledgeGraph.V1;
using Xunit;
using static KnowledgeGraph.Store.Conformance.GraphBuilders;
using static KnowledgeGraph.Store.Conformance.StoreSessions;

namespace KnowledgeGraph.ModelTests;

/// <summary>
/// The evidence cache keeps what answers read, never what may predate a change the projection has
/// applied, and never more than its budget.
/// </summary>
public sealed class EvidenceCacheTests
{
    private static readonly Relationship QatarJapan = Stored(Supplies("qatar-japan", "qatar", "japan", 0.2));
    private static readonly Relationship AustraliaJapan = Stored(Supplies("australia-japan", "australia", "japan", 0.4));

    [Fact]
    public void What_a_read_filled_is_found_by_name_until_a_change_evicts_it()
    {
        var cache = new EvidenceCache(1 << 20);
        cache.Fill(cache.Generation, [QatarJapan, AustraliaJapan], r => r.Name);

        Assert.True(cache.TryGet<Relationship>(QatarJapan.Name, out var found));
        Assert.Same(QatarJapan, found);
        Assert.Equal(QatarJapan.CalculateSize() + AustraliaJapan.CalculateSize(), cache.Bytes);

        cache.Evict([QatarJapan.Name, "entities/nobody"]);
        Assert.False(cache.TryGet<Relationship>(QatarJapan.Name, out _));
        Assert.True(cache.TryGet<Relationship>(AustraliaJapan.Name, out _));
        Assert.Equal(AustraliaJapan.CalculateSize(), cache.Bytes);
    }

    [Fact]
    public void A_read_that_overlapped_an_eviction_fills_nothing()
    {
        var cache = new EvidenceCache(1 << 20);
        var before = cache.Generation;
        cache.Evict([QatarJapan.Name]);

        cache.Fill(before, [QatarJapan], r => r.Name);

        Assert.False(cache.TryGet<Relationship>(QatarJapan.Name, out _));
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void Past_its_budget_the_cache_starts_again_and_keeps_nothing_larger_than_the_budget()
    {
        var budget = QatarJapan.CalculateSize() + AustraliaJapan.CalculateSize() / 2;
        var cache = new EvidenceCache(budget);

        cache.Fill(cache.Generation, [QatarJapan, AustraliaJapan], r => r.Name);
        Assert.Equal([false, true], new[] { QatarJapan, AustraliaJapan }.Select(r => cache.TryGet<Relationship>(r.Name, out _)));
        Assert.True(cache.Bytes <= budget);

        var small = new EvidenceCache(QatarJapan.CalculateSize() - 1);
        small.Fill(small.Generation, [QatarJapan], r => r.Name);
        Assert.Equal(0, small.Count);

        var off = new EvidenceCache(0);
        off.Fill(off.Generation, [QatarJapan], r => r.Name);
        Assert.Equal(0, off.Count);
    }

    [Fact]
    public void Clearing_forgets_everything_and_drops_reads_begun_before_it()
    {
        var cache = new EvidenceCache(1 << 20);
        var before = cache.Generation;
        cache.Fill(before, [QatarJapan], r => r.Name);

        cache.Clear();
        cache.Fill(before, [AustraliaJapan], r => r.Name);

        Assert.Equal(0, cache.Count);
        Assert.Equal(0, cache.Bytes);
    }
}
