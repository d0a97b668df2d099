using KnowledgeGraph.V1;

namespace KnowledgeGraph.Grpc.Requests;

/// <summary>The client-writable part of a resource: fields the server sets (etag, times) are cleared.</summary>
public static class ServerFields
{
    public static Entity WithoutServerFields(this Entity entity)
    {
        var copy = entity.Clone();
        copy.Etag = "";
        copy.CreateTime = null;
        copy.UpdateTime = null;
        return copy;
    }

    public static Relationship WithoutServerFields(this Relationship relationship)
    {
        var copy = relationship.Clone();
        copy.Etag = "";
        copy.CreateTime = null;
        copy.UpdateTime = null;
        return copy;
    }
}
