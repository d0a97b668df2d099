using KnowledgeGraph.Domain.Projection;
using Xunit;

namespace KnowledgeGraph.UnitTests.Projection;

public sealed class NameTableTests
{
    [Fact]
    public void Names_get_dense_ids_that_find_and_name_them_back()
    {
        var table = new NameTable();

        Assert.Equal(0, table.GetOrAdd("japan"));
        Assert.Equal(1, table.GetOrAdd("russia"));
        Assert.Equal(0, table.GetOrAdd("japan"));

        Assert.Equal(2, table.Count);
        Assert.Equal(1, table.Find("russia"));
        Assert.Equal(-1, table.Find("atlantis"));
        Assert.Equal(-1, table.Find("Jäpan"));
        Assert.Equal("russia", table.NameOf(1));
        Assert.True(table.Compare(0, 1) < 0);
    }

    [Fact]
    public void A_table_grows_past_its_first_arrays_and_keeps_every_name()
    {
        var table = new NameTable();
        for (var i = 0; i < 50_000; i++) Assert.Equal(i, table.GetOrAdd($"company-{i:D6}-with-a-long-enough-id"));

        for (var i = 0; i < 50_000; i += 997) Assert.Equal(i, table.Find($"company-{i:D6}-with-a-long-enough-id"));
        Assert.Equal("company-049999-with-a-long-enough-id", table.NameOf(49_999));
    }

    [Fact]
    public async Task Readers_find_every_name_already_added_while_the_writer_grows_the_table()
    {
        var table = new NameTable();
        for (var i = 0; i < 1000; i++) table.GetOrAdd($"e{i}");
        using var stop = new CancellationTokenSource();
        using var started = new CountdownEvent(2);
        var readers = Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            started.Signal();
            var checks = 0L;
            do
            {
                var known = table.Count;
                var id = (int)(checks++ % known);
                Assert.Equal(id, table.Find(table.NameOf(id)));
            }
            while (!stop.IsCancellationRequested);
            return checks;
        })).ToList();

        started.Wait();
        for (var i = 1000; i < 200_000; i++) table.GetOrAdd($"e{i}");
        await stop.CancelAsync();

        Assert.All(await Task.WhenAll(readers), checks => Assert.True(checks > 0));
    }

    [Fact]
    public void A_table_built_from_ascending_names_holds_them_in_order_and_grows_like_any_other()
    {
        var builder = new NameTable.Builder();
        var names = Enumerable.Range(0, 50_000).Select(i => $"r{i}").Order(StringComparer.Ordinal).ToList();
        for (var i = 0; i < names.Count; i++) Assert.Equal(i, builder.GetOrAdd(names[i]));

        var table = builder.ToTable();

        Assert.Equal(names.Count, table.Count);
        for (var i = 0; i < names.Count; i += 997) Assert.Equal(i, table.Find(names[i]));
        Assert.Equal(names[^1], table.NameOf(names.Count - 1));
        Assert.Equal(-1, table.Find("r50000"));
        Assert.Equal(names.Count, table.GetOrAdd("r50000"));
        Assert.Equal(3, table.GetOrAdd(names[3]));
        Assert.True(table.Compare(0, 1) < 0);
    }

    [Theory]
    [InlineData("b", "a")]
    [InlineData("b", "b")]
    [InlineData("ab", "a")]
    public void A_builder_looks_up_every_name_from_the_first_that_does_not_come_after_the_one_before(string first, string second)
    {
        var builder = new NameTable.Builder();
        Assert.Equal(0, builder.GetOrAdd("a0"));
        Assert.Equal(1, builder.GetOrAdd(first));

        Assert.Equal(second == first ? 1 : 2, builder.GetOrAdd(second));
        Assert.Equal(1, builder.GetOrAdd(first));
        Assert.Equal(0, builder.GetOrAdd("a0"));
        Assert.Equal(builder.Count, builder.GetOrAdd("zz"));
        Assert.Equal(builder.Count - 1, builder.GetOrAdd("zz"));

        var table = builder.ToTable();
        Assert.Equal(builder.Count, table.Count);
        Assert.Equal(1, table.Find(first));
        Assert.Equal(second, table.NameOf(table.Find(second)));
    }

    [Fact]
    public void An_empty_builder_gives_an_empty_table()
    {
        var table = new NameTable.Builder().ToTable();

        Assert.Equal(0, table.Count);
        Assert.Equal(-1, table.Find("japan"));
        Assert.Equal(0, table.GetOrAdd("japan"));
    }
}
