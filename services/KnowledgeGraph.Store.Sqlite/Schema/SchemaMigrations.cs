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

        // 4: integer surrogate keys. Each row is keyed by an integer (the rowid) and its id sits in one
        // unique index; relationships refer to their endpoints by key, so the adjacency indexes hold
        // integers instead of long text names (the body keeps the endpoints' names). The rows are
        // copied in id order; an endpoint without an entity fails the copy (NOT NULL) rather than
        // dropping a row. The change log and the requests stay as they are.
        """
        CREATE TABLE entities_v4 (
            key          INTEGER PRIMARY KEY,
            id           TEXT    NOT NULL UNIQUE,
            kind         TEXT    NOT NULL,
            display_name TEXT    NOT NULL,
            search_text  TEXT    NOT NULL,
            body         BLOB    NOT NULL,
            etag         TEXT    NOT NULL,
            create_time  INTEGER NOT NULL,
            update_time  INTEGER NOT NULL
        );
        INSERT INTO entities_v4 (id, kind, display_name, search_text, body, etag, create_time, update_time)
        SELECT id, kind, display_name, search_text, body, etag, create_time, update_time FROM entities ORDER BY id;

        CREATE TABLE relationships_v4 (
            key         INTEGER PRIMARY KEY,
            id          TEXT    NOT NULL UNIQUE,
            type        TEXT    NOT NULL,
            source_key  INTEGER NOT NULL REFERENCES entities_v4 (key),
            target_key  INTEGER NOT NULL REFERENCES entities_v4 (key),
            valid_from  INTEGER,
            valid_to    INTEGER,
            commodity   TEXT,
            body        BLOB    NOT NULL,
            etag        TEXT    NOT NULL,
            create_time INTEGER NOT NULL,
            update_time INTEGER NOT NULL
        );
        INSERT INTO relationships_v4 (id, type, source_key, target_key, valid_from, valid_to, commodity, body, etag, create_time, update_time)
        SELECT r.id, r.type,
               (SELECT e.key FROM entities_v4 AS e WHERE e.id = r.source_id),
               (SELECT e.key FROM entities_v4 AS e WHERE e.id = r.target_id),
               r.valid_from, r.valid_to, r.commodity, r.body, r.etag, r.create_time, r.update_time
        FROM relationships AS r ORDER BY r.id;

        -- The old relationships go first: nothing refers to the old entities when they go.
        DROP TABLE relationships;
        DROP TABLE entities;
        -- Renaming also points the relationships' foreign keys at the renamed entities table.
        ALTER TABLE entities_v4 RENAME TO entities;
        ALTER TABLE relationships_v4 RENAME TO relationships;

        CREATE INDEX entities_by_kind ON entities (kind, id);
        -- Adjacency both ways, covering what the traversal filters on and the far endpoint (the key, a rowid, is in every index).
        CREATE INDEX relationships_by_source ON relationships (source_key, type, valid_from, valid_to, target_key);
        CREATE INDEX relationships_by_target ON relationships (target_key, type, valid_from, valid_to, source_key);
        """,
        // 5: what a new relationship's endpoint check reads (kind and key by name), in one index
        // instead of the unique index of id and then the row: the rows hold the bodies, 200 MB at 1M entities.
        """
        CREATE INDEX entities_endpoints ON entities (id, kind);
        """,
    ];

    public static int LatestVersion => Steps.Count;
}
