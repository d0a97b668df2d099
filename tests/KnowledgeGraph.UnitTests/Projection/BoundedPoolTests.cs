using KnowledgeGraph.Domain.Traversal;
using Xunit;

namespace KnowledgeGraph.UnitTests.Projection;

public sealed class BoundedPoolTests
{
    [Fact]
    public void A_pool_lends_returned_instances_again_and_keeps_at_most_one_per_core()
    {
        var created = 0;
        var pool = new BoundedPool<object>(() => { created++; return new object(); });
        var rented = Enumerable.Range(0, Environment.ProcessorCount + 3).Select(_ => pool.Rent()).ToList();
        foreach (var item in rented) pool.Return(item);

        var again = Enumerable.Range(0, Environment.ProcessorCount + 3).Select(_ => pool.Rent()).ToList();

        Assert.Equal(Environment.ProcessorCount, again.Count(rented.Contains));
        Assert.Equal(2 * (Environment.ProcessorCount + 3) - Environment.ProcessorCount, created);
    }
}
