using Grpc.AspNetCore.Server;
using KnowledgeGraph.FunctionalTests.Infrastructure;
using KnowledgeGraph.Grpc.Security;
using KnowledgeGraph.V1;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeGraph.FunctionalTests.Security;

/// <summary>The method → scope table covers exactly what the hosts serve, and its special cases hold.</summary>
[Collection(ServicesCollection.Name)]
public sealed class MethodScopesTests(SharedServices shared)
{
    private static readonly MethodScopes Production = new(isDevelopment: false);

    [Fact]
    public void Every_grpc_method_a_host_serves_has_a_row_and_every_row_is_served()
    {
        var served = new[] { shared.Services.EntitiesHost.Services, shared.Services.RelationshipsHost.Services, shared.Services.QueriesHost.Services }
            .SelectMany(services => services.GetServices<EndpointDataSource>())
            .SelectMany(source => source.Endpoints)
            .Select(endpoint => endpoint.Metadata.GetMetadata<GrpcMethodMetadata>()?.Method.FullName)
            .OfType<string>()
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Contains("/knowledgegraph.v1.EntityService/DeleteEntity", served);
        Assert.Equal(Production.Methods.Order(StringComparer.Ordinal), served);
    }

    [Fact]
    public void A_forced_entity_delete_needs_admin_and_a_plain_one_write()
    {
        const string delete = "/knowledgegraph.v1.EntityService/DeleteEntity";
        Assert.Equal(Scopes.Admin, Production.RequiredScope(delete, new DeleteEntityRequest { Name = "entities/x", Force = true }));
        Assert.Equal(Scopes.Write, Production.RequiredScope(delete, new DeleteEntityRequest { Name = "entities/x" }));
    }

    [Fact]
    public void A_method_missing_from_the_table_needs_admin()
    {
        Assert.Equal(Scopes.Admin, Production.RequiredScope("/knowledgegraph.v1.EntityService/PurgeEverything", request: null));
    }

    [Fact]
    public void Health_is_open_everywhere_and_reflection_only_in_development()
    {
        const string reflection = "/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo";
        Assert.Null(Production.RequiredScope("/grpc.health.v1.Health/Check", request: null));
        Assert.Equal(Scopes.Read, Production.RequiredScope(reflection, request: null));
        Assert.Null(new MethodScopes(isDevelopment: true).RequiredScope(reflection, request: null));
    }
}
