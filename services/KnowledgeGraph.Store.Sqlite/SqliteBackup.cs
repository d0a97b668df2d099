using Microsoft.Data.Sqlite;

namespace KnowledgeGraph.Store.Sqlite;

/// <summary>
/// Online backups of the embedded store. A backup is SQLite's backup API run over one read
/// transaction of the live file: in WAL mode writers go on while it runs, and the copy is the
/// database as of that transaction's start, every committed write before it and none after.
/// It is written beside its destination and renamed into place, so a crash never leaves half a backup.
/// </summary>
public static class SqliteBackup
{
    /// <summary>Copies the live store at <paramref name="databasePath"/> to <paramref name="destinationPath"/> (which must not exist), then checks the copy.</summary>
    public static async Task<IReadOnlyList<string>> BackupAsync(string databasePath, string destinationPath, CancellationToken cancellationToken)
    {
        if (!File.Exists(databasePath)) throw new FileNotFoundException($"No store at {databasePath}.", databasePath);
        if (File.Exists(destinationPath)) throw new IOException($"{destinationPath} already exists; choose a new file for the backup.");
        var partial = destinationPath + ".partial";
        File.Delete(partial);
        await CopyAsync(databasePath, partial, cancellationToken);
        File.Move(partial, destinationPath);
        return await ProblemsAsync(destinationPath, cancellationToken);
    }

    /// <summary>
    /// Replaces the store at <paramref name="databasePath"/> with <paramref name="backupPath"/>, after checking the backup.
    /// The services must be stopped: the Queries service reloads its projection when it starts.
    /// </summary>
    public static async Task<IReadOnlyList<string>> RestoreAsync(string backupPath, string databasePath, CancellationToken cancellationToken)
    {
        if (!File.Exists(backupPath)) throw new FileNotFoundException($"No backup at {backupPath}.", backupPath);
        var problems = await ProblemsAsync(backupPath, cancellationToken);
        if (problems.Count > 0) return problems;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(databasePath))!);
        await CopyAsync(backupPath, databasePath, cancellationToken);
        return [];
    }

    /// <summary>What is wrong with the store file: SQLite's integrity check and foreign-key check (no relationship whose endpoint is gone); empty when sound.</summary>
    public static async Task<IReadOnlyList<string>> ProblemsAsync(string path, CancellationToken cancellationToken)
    {
        await using var connection = Open(path, SqliteOpenMode.ReadOnly);
        await connection.OpenAsync(cancellationToken);
        var problems = new List<string>();
        foreach (var line in await ReadAsync(connection, "PRAGMA integrity_check", cancellationToken))
            if (line != "ok") problems.Add($"integrity: {line}");
        foreach (var line in await ReadAsync(connection, "SELECT \"table\" || ' row ' || rowid || ' refers to a missing ' || parent FROM pragma_foreign_key_check", cancellationToken))
            problems.Add($"foreign key: {line}");
        return problems;
    }

    private static async Task CopyAsync(string sourcePath, string destinationPath, CancellationToken cancellationToken)
    {
        await using var source = Open(sourcePath, SqliteOpenMode.ReadOnly);
        await using var destination = Open(destinationPath, SqliteOpenMode.ReadWriteCreate);
        await source.OpenAsync(cancellationToken);
        await destination.OpenAsync(cancellationToken);
        source.BackupDatabase(destination);
    }

    private static SqliteConnection Open(string path, SqliteOpenMode mode) =>
        new(new SqliteConnectionStringBuilder { DataSource = Path.GetFullPath(path), Mode = mode, Pooling = false, DefaultTimeout = 30 }.ToString());

    private static async Task<List<string>> ReadAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var lines = new List<string>();
        while (await reader.ReadAsync(cancellationToken)) lines.Add(reader.GetString(0));
        return lines;
    }
}
