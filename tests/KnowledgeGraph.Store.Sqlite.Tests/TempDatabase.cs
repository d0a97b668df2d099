using Microsoft.Data.Sqlite;

namespace KnowledgeGraph.Store.Sqlite.Tests;

/// <summary>A store file in a fresh temporary folder, deleted (with its WAL files) on dispose.</summary>
public sealed class TempDatabase : IDisposable
{
    private readonly List<SqliteGraphStore> _stores = [];

    public TempDatabase()
    {
        Folder = Path.Combine(Path.GetTempPath(), "kg-sqlite-tests", Guid.NewGuid().ToString("N"));
        FilePath = Path.Combine(Folder, "data", "graph.db");
    }

    public string Folder { get; }

    // The file lives in a sub-folder that does not exist yet: the store must create it.
    public string FilePath { get; }

    public SqliteGraphStore OpenStore(SqliteGraphStoreOptions? options = null, TimeProvider? time = null)
    {
        var store = new SqliteGraphStore(options ?? new SqliteGraphStoreOptions(FilePath), time);
        _stores.Add(store);
        return store;
    }

    /// <summary>A connection of the tests' own, outside any store.</summary>
    public SqliteConnection OpenConnection()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = FilePath, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    public void Dispose()
    {
        foreach (var store in _stores) store.Dispose();
        if (Directory.Exists(Folder)) Directory.Delete(Folder, recursive: true);
    }
}
