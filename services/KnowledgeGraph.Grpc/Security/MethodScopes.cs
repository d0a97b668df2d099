using System.Collections.Frozen;
using Google.Protobuf.Reflection;
using Grpc.Health.V1;
using KnowledgeGraph.V1;

namespace KnowledgeGraph.Grpc.Security;

/// <summary>
/// Who may call what: the scope each gRPC method needs, over gRPC and JSON alike. This is the
/// only place that says it; SECURITY.md explains it.
/// </summary>
public sealed class MethodScopes
{
    /// <summary>Marks a method anyone may call, without a token.</summary>
    private const string Open = "";

    private readonly FrozenDictionary<string, string> _byMethod;

    /// <param name="isDevelopment">In Development server reflection is open, so grpcurl works without a token.</param>
    public MethodScopes(bool isDevelopment) => _byMethod = Table(isDevelopment).ToFrozenDictionary();

    /// <summary>Every method the table names, as <c>/package.Service/Method</c>.</summary>
    public IReadOnlyCollection<string> Methods => _byMethod.Keys;

    /// <summary>
    /// The scope a call to <paramref name="method"/> (<c>/package.Service/Method</c>) needs, or null
    /// when the method is open. <paramref name="request"/> is the request message of a unary call
    /// (null for streams). A method missing from the table needs <see cref="Scopes.Admin"/>, so a
    /// method added without a row here is closed rather than open.
    /// </summary>
    public string? RequiredScope(string method, object? request)
    {
        if (request is DeleteEntityRequest { Force: true }) return Scopes.Admin;
        var scope = _byMethod.GetValueOrDefault(method, Scopes.Admin);
        return scope == Open ? null : scope;
    }

    private static Dictionary<string, string> Table(bool isDevelopment)
    {
        var table = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["/knowledgegraph.v1.EntityService/GetEntity"] = Scopes.Read,
            ["/knowledgegraph.v1.EntityService/BatchGetEntities"] = Scopes.Read,
            ["/knowledgegraph.v1.EntityService/ListEntities"] = Scopes.Read,
            ["/knowledgegraph.v1.EntityService/CreateEntity"] = Scopes.Write,
            ["/knowledgegraph.v1.EntityService/UpdateEntity"] = Scopes.Write,
            ["/knowledgegraph.v1.EntityService/DeleteEntity"] = Scopes.Write, // with force = true: Admin (above)
            ["/knowledgegraph.v1.EntityService/ImportEntities"] = Scopes.Write,

            ["/knowledgegraph.v1.RelationshipService/GetRelationship"] = Scopes.Read,
            ["/knowledgegraph.v1.RelationshipService/BatchGetRelationships"] = Scopes.Read,
            ["/knowledgegraph.v1.RelationshipService/ListRelationships"] = Scopes.Read,
            ["/knowledgegraph.v1.RelationshipService/CreateRelationship"] = Scopes.Write,
            ["/knowledgegraph.v1.RelationshipService/UpdateRelationship"] = Scopes.Write,
            ["/knowledgegraph.v1.RelationshipService/DeleteRelationship"] = Scopes.Write,
            ["/knowledgegraph.v1.RelationshipService/ImportRelationships"] = Scopes.Write,

            ["/knowledgegraph.v1.QueryService/GetSchema"] = Scopes.Read,
            ["/knowledgegraph.v1.QueryService/SearchEntities"] = Scopes.Read,
            ["/knowledgegraph.v1.QueryService/FindPaths"] = Scopes.Read,
            ["/knowledgegraph.v1.QueryService/FindChokepoints"] = Scopes.Read,
            ["/knowledgegraph.v1.QueryService/TraceDependencies"] = Scopes.Read,
            ["/knowledgegraph.v1.QueryService/GetNeighborhood"] = Scopes.Read,
        };
        // Orchestrators and load balancers probe health without credentials.
        AddService(table, Health.Descriptor, Open);
        // Reflection only describes the API (its protos are public); outside Development it still
        // needs a read token, so a deployment does not advertise itself to anyone who connects.
        AddService(table, global::Grpc.Reflection.V1.ServerReflection.Descriptor, isDevelopment ? Open : Scopes.Read);
        AddService(table, global::Grpc.Reflection.V1Alpha.ServerReflection.Descriptor, isDevelopment ? Open : Scopes.Read);
        return table;
    }

    private static void AddService(Dictionary<string, string> table, ServiceDescriptor service, string scope)
    {
        foreach (var method in service.Methods) table.Add($"/{service.FullName}/{method.Name}", scope);
    }
}
