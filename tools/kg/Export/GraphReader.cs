using KnowledgeGraph.V1;

namespace KnowledgeGraph.Cli.Export;

/// <summary>Reads the whole graph page by page, without the server-managed fields (etag, times).</summary>
public sealed class GraphReader(CliContext context)
{
    private const int PageSize = 1000;

    public async Task<List<Entity>> EntitiesAsync(CancellationToken cancellation)
    {
        var all = new List<Entity>();
        var token = "";
        do
        {
            var page = await context.Clients.Entities.ListEntitiesAsync(new ListEntitiesRequest { PageSize = PageSize, PageToken = token }, context.Read(cancellation));
            all.AddRange(page.Entities.Select(Portable));
            token = page.NextPageToken;
        } while (token.Length > 0);
        return all;
    }

    public async Task<List<Relationship>> RelationshipsAsync(CancellationToken cancellation)
    {
        var all = new List<Relationship>();
        var token = "";
        do
        {
            var page = await context.Clients.Relationships.ListRelationshipsAsync(new ListRelationshipsRequest { PageSize = PageSize, PageToken = token }, context.Read(cancellation));
            all.AddRange(page.Relationships.Select(Portable));
            token = page.NextPageToken;
        } while (token.Length > 0);
        return all;
    }

    /// <summary>The entity as a client would write it: etag and times are the store's, not the graph's.</summary>
    public static Entity Portable(Entity entity)
    {
        var copy = entity.Clone();
        copy.Etag = "";
        copy.CreateTime = null;
        copy.UpdateTime = null;
        return copy;
    }

    public static Relationship Portable(Relationship relationship)
    {
        var copy = relationship.Clone();
        copy.Etag = "";
        copy.CreateTime = null;
        copy.UpdateTime = null;
        return copy;
    }
}
