using System.Text.Json.Nodes;
using Google.Protobuf;
using KnowledgeGraph.Application;
using KnowledgeGraph.Application.Reads;
using KnowledgeGraph.Store;
using Xunit;

namespace KnowledgeGraph.ModelTests;

/// <summary>
/// Reads a system's whole graph twice: through the application's lists, page by page, and by
/// replaying its store's change feed from the start. The two must agree within the system; the
/// listed graph is what the two systems are compared on.
/// </summary>
public static class GraphReadback
{
    private const int ListPageSize = 4;
    private const int FeedPageSize = 5;

    public static async Task<JsonNode> ReadAsync(GraphSystem system)
    {
        var entities = await ListAllAsync(system.EntityReads);
        var relationships = await ListAllAsync(system.RelationshipReads);
        var listed = entities.Cast<IMessage>().Concat(relationships).ToDictionary(Name, StringComparer.Ordinal);
        var replayed = await ReplayFeedAsync(system);
        Assert.True(Text(listed) == Text(replayed),
            $"{system.Name}: the change feed replays to another graph than the lists show.\n  listed:   {Text(listed)}\n  replayed: {Text(replayed)}");
        system.Memory.Read(entities, relationships);
        return new JsonObject { ["entities"] = Answers.Of(entities), ["relationships"] = Answers.Of(relationships) };
    }

    private static async Task<List<T>> ListAllAsync<T>(ResourceReads<T> reads) where T : class, IMessage<T>, new()
    {
        var all = new List<T>();
        var token = "";
        do
        {
            (var items, token) = await reads.ListAsync(ListPageSize, token, "", CallContext.None);
            all.AddRange(items);
        }
        while (token.Length > 0);
        return all;
    }

    /// <summary>The name → resource map the feed ends in, checking its positions and paging on the way.</summary>
    private static async Task<Dictionary<string, IMessage>> ReplayFeedAsync(GraphSystem system)
    {
        var state = new Dictionary<string, IMessage>(StringComparer.Ordinal);
        var after = 0L;
        while (true)
        {
            var page = await system.Store.ReadChangesAsync(after, FeedPageSize, ReadConsistency.None, CancellationToken.None);
            var last = after;
            foreach (var change in page.Changes)
            {
                Assert.True(change.Position > last, $"{system.Name}: change feed position {change.Position} after {last}");
                last = change.Position;
                if (change.IsDeletion) state.Remove(change.Name);
                else state[change.Name] = (IMessage?)change.Entity ?? change.Relationship!;
            }
            Assert.True(page.HasMore == (page.Changes.Count == FeedPageSize), $"{system.Name}: HasMore is {page.HasMore} on a page of {page.Changes.Count} of {FeedPageSize}");
            Assert.True(page.HasMore ? page.Position == last : page.Position >= last, $"{system.Name}: page position {page.Position} after changes up to {last} (HasMore {page.HasMore})");
            if (!page.HasMore) return state;
            after = page.Position;
        }
    }

    private static string Name(IMessage resource) => (string)resource.Descriptor.FindFieldByName("name").Accessor.GetValue(resource);

    private static string Text(Dictionary<string, IMessage> graph) =>
        string.Join(", ", graph.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => JsonFormatter.Default.Format(r.Value)));
}
