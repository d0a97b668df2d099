using KnowledgeGraph.Domain.Ontology;
using KnowledgeGraph.Domain.Validation;
using KnowledgeGraph.Store;
using KnowledgeGraph.Store.Sqlite;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Microsoft.Extensions.DependencyInjection;

public static class SqliteGraphStoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers the embedded store on the SQLite file at <paramref name="databasePath"/> as the
    /// process's <see cref="IGraphStore"/> (a singleton). Uses the registered <see cref="GraphValidator"/>,
    /// or one over the registered <see cref="GraphOntology"/> (default: <see cref="GraphOntology.Default"/>).
    /// </summary>
    public static IServiceCollection AddSqliteGraphStore(this IServiceCollection services, string databasePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        services.TryAddSingleton(sp => new GraphValidator(sp.GetService<GraphOntology>() ?? GraphOntology.Default));
        services.TryAddSingleton(sp => new SqliteGraphStore(
            new SqliteGraphStoreOptions(databasePath),
            sp.GetRequiredService<GraphValidator>(),
            sp.GetService<TimeProvider>(),
            sp.GetService<ILogger<SqliteGraphStore>>()));
        services.TryAddSingleton<IGraphStore>(sp => sp.GetRequiredService<SqliteGraphStore>());
        return services;
    }
}
