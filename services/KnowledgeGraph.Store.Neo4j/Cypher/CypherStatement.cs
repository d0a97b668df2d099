namespace KnowledgeGraph.Store.Neo4j.Cypher;

/// <summary>
/// One Cypher statement the adapter can send, with the parameters it takes. Values are bound with
/// <see cref="Bind"/>, which refuses a parameter set that differs from the declared one, so the
/// declared parameters (what the lint test checks) are exactly what is sent.
/// </summary>
public sealed record CypherStatement(string Name, string Text, IReadOnlyList<string> Parameters)
{
    public CypherStatement(string name, string text, params string[] parameters)
        : this(name, text, (IReadOnlyList<string>)parameters)
    {
    }

    public BoundStatement Bind(params (string Name, object? Value)[] values)
    {
        var map = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, value) in values)
            if (!map.TryAdd(name, value)) throw new ArgumentException($"Statement {Name}: parameter ${name} is bound twice.");
        var missing = Parameters.Where(p => !map.ContainsKey(p)).ToList();
        var extra = map.Keys.Where(k => !Parameters.Contains(k)).ToList();
        if (missing.Count > 0 || extra.Count > 0)
            throw new ArgumentException($"Statement {Name}: bound parameters differ from the declared ones (missing: {string.Join(", ", missing)}; not declared: {string.Join(", ", extra)}).");
        return new BoundStatement(this, map);
    }
}

/// <summary>A statement with its parameter values, ready to send.</summary>
public sealed record BoundStatement(CypherStatement Statement, IReadOnlyDictionary<string, object?> Parameters);
