using KnowledgeGraph.Store;
using KnowledgeGraph.Store.Sqlite;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Microsoft.Extensions.DependencyInjection;

public static class SqliteGraphStoreServiceCollectionExtensions
{
    /// <summary>Registers the embedded store on the SQLite file at <paramref name="databasePath"/> as the process's <see cref="IGraphStore"/> (a singleton).</summary>
    public static IServiceCollection AddSqliteGraphStore(this IServiceCollection services, string databasePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        services.TryAddSingleton(sp => new SqliteGraphStore(
            new SqliteGraphStoreOptions(databasePath),
            sp.GetService<TimeProvider>(),
            sp.GetService<ILogger<SqliteGraphStore>>()));
        services.TryAddSingleton<IGraphStore>(sp => sp.GetRequiredService<SqliteGraphStore>());
        return services;
    }
}
