namespace KnowledgeGraph.Store.Neo4j.Http;

/// <summary>The rows of one statement's result, the bookmarks the server returned with it, and its plan when asked for one.</summary>
public sealed class QueryResult
{
    private readonly Dictionary<string, int> _index;

    public QueryResult(IReadOnlyList<string> fields, IReadOnlyList<IReadOnlyList<object?>> values, IReadOnlyList<string> bookmarks, QueryPlan? plan = null)
    {
        Fields = fields;
        Bookmarks = bookmarks;
        Plan = plan;
        _index = fields.Select((f, i) => (f, i)).ToDictionary(x => x.f, x => x.i, StringComparer.Ordinal);
        Rows = values.Select(v => new Row(v, this)).ToList();
    }

    public static QueryResult Empty { get; } = new([], [], []);

    public IReadOnlyList<string> Fields { get; }
    public IReadOnlyList<string> Bookmarks { get; }
    public IReadOnlyList<Row> Rows { get; }

    /// <summary>The plan of an EXPLAIN or PROFILE statement; null otherwise.</summary>
    public QueryPlan? Plan { get; }

    public Row Single(string statementName) => Rows.Count == 1
        ? Rows[0]
        : throw new InvalidDataException($"Statement {statementName} returned {Rows.Count} rows where one was expected.");

    private int IndexOf(string field) => _index.TryGetValue(field, out var i)
        ? i
        : throw new KeyNotFoundException($"The result has no field '{field}'; it has: {string.Join(", ", Fields)}.");

    public sealed class Row(IReadOnlyList<object?> values, QueryResult owner)
    {
        public IReadOnlyList<object?> Values { get; } = values;

        public object? this[string field] => Values[owner.IndexOf(field)];

        public T Get<T>(string field) => this[field] switch
        {
            T value => value,
            null => throw new InvalidCastException($"Field '{field}' is null; expected {typeof(T).Name}."),
            var other => throw new InvalidCastException($"Field '{field}' is a {other.GetType().Name}; expected {typeof(T).Name}."),
        };

        public string? GetString(string field) => this[field] as string;
        public long? GetInt64(string field) => this[field] as long?;
        public DateTimeOffset? GetDateTime(string field) => this[field] as DateTimeOffset?;
    }
}
