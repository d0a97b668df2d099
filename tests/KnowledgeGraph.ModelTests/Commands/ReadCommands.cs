using System.Text.Json.Nodes;
using Google.Protobuf;
using KnowledgeGraph.Application;
using KnowledgeGraph.Application.Reads;
using KnowledgeGraph.Domain;

namespace KnowledgeGraph.ModelTests.Commands;

public sealed record Get(Collection Collection, string Id, Consistency Consistency) : Command
{
    public override async Task<JsonNode> RunAsync(GraphSystem system) => Collection == Collection.Entities
        ? Answers.Of(await system.EntityReads.GetAsync(ResourceNames.Entity(Id), system.Call(Consistency)))
        : Answers.Of(await system.RelationshipReads.GetAsync(ResourceNames.Relationship(Id), system.Call(Consistency)));
}

public sealed record BatchGet(Collection Collection, Items<string> Ids, Consistency Consistency) : Command
{
    public override async Task<JsonNode> RunAsync(GraphSystem system) => Collection == Collection.Entities
        ? Answers.Of(await system.EntityReads.BatchGetAsync([.. Ids.Values.Select(ResourceNames.Entity)], system.Call(Consistency)))
        : Answers.Of(await system.RelationshipReads.BatchGetAsync([.. Ids.Values.Select(ResourceNames.Relationship)], system.Call(Consistency)));
}

/// <summary>How a list command uses page tokens: follows them to the end, starts from one no service issued, or sends the second page's with another filter.</summary>
public enum PageTokens
{
    Follow,
    Garbage,
    OtherFilter,
}

/// <summary>A list, every page of it: each page's items and next page token (the tokens are deterministic, so they compare too).</summary>
public sealed record List(Collection Collection, string Filter, int PageSize, PageTokens Tokens, Consistency Consistency) : Command
{
    // Far more pages than a small graph can fill: a list that keeps going is a bug.
    private const int MaxPages = 100;

    public override Task<JsonNode> RunAsync(GraphSystem system) => Collection == Collection.Entities
        ? PagesAsync(system.EntityReads, system.Call(Consistency))
        : PagesAsync(system.RelationshipReads, system.Call(Consistency));

    private async Task<JsonNode> PagesAsync<T>(ResourceReads<T> reads, CallContext call) where T : class, IMessage<T>, new()
    {
        var pages = new JsonArray();
        var token = Tokens == PageTokens.Garbage ? "not-a-page-token" : "";
        var filter = Filter;
        while (pages.Count < MaxPages)
        {
            var (items, next) = await reads.ListAsync(PageSize, token, filter, call);
            pages.Add(new JsonObject { ["items"] = Answers.Of(items), ["next_page_token"] = next });
            if (next.Length == 0) return pages;
            token = next;
            if (Tokens == PageTokens.OtherFilter) filter = Filter + " ";
        }
        throw new InvalidOperationException($"the list did not end after {MaxPages} pages");
    }
}
