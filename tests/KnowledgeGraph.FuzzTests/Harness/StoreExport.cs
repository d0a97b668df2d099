using Google.Protobuf;
using Grpc.Core;
using KnowledgeGraph.FunctionalTests.Infrastructure;
using KnowledgeGraph.V1;

namespace KnowledgeGraph.FuzzTests.Harness;

/// <summary>Everything the store holds, read through the public List methods, to compare before and after a rejected write.</summary>
public static class StoreExport
{
    public static async Task<byte[]> ReadAsync(FuzzClients clients)
    {
        var options = new CallOptions(new Metadata { { "authorization", $"Bearer {TestTokens.All}" } }, DateTime.UtcNow.AddSeconds(30));
        using var export = new MemoryStream();
        var token = "";
        do
        {
            var page = await clients.Entities.ListEntitiesAsync(new ListEntitiesRequest { PageSize = 1000, PageToken = token }, options);
            foreach (var entity in page.Entities) entity.WriteDelimitedTo(export);
            token = page.NextPageToken;
        } while (token.Length > 0);
        do
        {
            var page = await clients.Relationships.ListRelationshipsAsync(new ListRelationshipsRequest { PageSize = 1000, PageToken = token }, options);
            foreach (var relationship in page.Relationships) relationship.WriteDelimitedTo(export);
            token = page.NextPageToken;
        } while (token.Length > 0);
        return export.ToArray();
    }
}
