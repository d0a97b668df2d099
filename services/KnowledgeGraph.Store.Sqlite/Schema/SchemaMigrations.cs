namespace KnowledgeGraph.Store.Sqlite.Schema;

/// <summary>
/// The schema's forward migrations, in order. The file's PRAGMA user_version is the number of
/// steps applied. Never edit a step that has shipped: append a new one.
/// </summary>
internal static class SchemaMigrations
{
    public static IReadOnlyList<string> Steps { get; } =
    [
        // 1: the graph and its change log.
        """
        CREATE TABLE entities (
            id           TEXT    NOT NULL PRIMARY KEY,
            kind         TEXT    NOT NULL,
            display_name TEXT    NOT NULL,
            search_text  TEXT    NOT NULL,
            body         BLOB    NOT NULL,
            etag         TEXT    NOT NULL,
            create_time  INTEGER NOT NULL,
            update_time  INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX entities_by_kind ON entities (kind, id);

        CREATE TABLE relationships (
            id          TEXT    NOT NULL PRIMARY KEY,
            type        TEXT    NOT NULL,
            source_id   TEXT    NOT NULL REFERENCES entities (id),
            target_id   TEXT    NOT NULL REFERENCES entities (id),
            valid_from  INTEGER,
            valid_to    INTEGER,
            commodity   TEXT,
            body        BLOB    NOT NULL,
            etag        TEXT    NOT NULL,
            create_time INTEGER NOT NULL,
            update_time INTEGER NOT NULL
        ) WITHOUT ROWID;
        -- Adjacency both ways, covering what the traversal filters on and the far endpoint.
        CREATE INDEX relationships_by_source ON relationships (source_id, type, valid_from, valid_to, target_id, id);
        CREATE INDEX relationships_by_target ON relationships (target_id, type, valid_from, valid_to, source_id, id);

        CREATE TABLE change_log (
            seq      INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
            op       TEXT    NOT NULL,
            resource TEXT    NOT NULL,
            time     INTEGER NOT NULL
        );
        """,

        // 2: responses of writes that carried a request_id, so a retry returns the first result.
        """
        CREATE TABLE requests (
            request_id TEXT    NOT NULL PRIMARY KEY,
            method     TEXT    NOT NULL,
            response   BLOB    NOT NULL,
            seq        INTEGER NOT NULL,
            time       INTEGER NOT NULL
        ) WITHOUT ROWID;
        """,

        // 3: retention prunes the request records by age.
        """
        CREATE INDEX requests_by_time ON requests (time);
        """,
    ];

    public static int LatestVersion => Steps.Count;
}
