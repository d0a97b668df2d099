using KnowledgeGraph.Application.Consistency;
using KnowledgeGraph.Application.Queries;
using KnowledgeGraph.Application.Reads;
using KnowledgeGraph.Application.Writes;
using KnowledgeGraph.Domain.Ontology;
using KnowledgeGraph.Domain.Validation;
using KnowledgeGraph.V1;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

public static class ApplicationServiceCollectionExtensions
{
    /// <summary>
    /// The application core over the registered <see cref="KnowledgeGraph.Store.IGraphStore"/>: the ontology
    /// (default: data/ontology.json), the write and read handlers of entities and relationships, and the
    /// query bounds from configuration section <see cref="QueryOptions.Section"/>. The Queries service
    /// adds its handler and engine with <c>AddKnowledgeGraphQueries</c>.
    /// </summary>
    public static IServiceCollection AddKnowledgeGraphApplication(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(GraphOntology.Default);
        services.TryAddSingleton(sp => new GraphValidator(sp.GetRequiredService<GraphOntology>()));
        services.Configure<QueryOptions>(configuration.GetSection(QueryOptions.Section));

        services.TryAddSingleton<ConsistencyGate>();
        services.TryAddSingleton<WriteRunner>();
        services.TryAddSingleton<ResourceRules<Entity>, EntityRules>();
        services.TryAddSingleton<ResourceRules<Relationship>, RelationshipRules>();
        services.TryAddSingleton(typeof(ResourceWrites<>));
        services.TryAddSingleton(typeof(ResourceReads<>));
        return services;
    }
}
