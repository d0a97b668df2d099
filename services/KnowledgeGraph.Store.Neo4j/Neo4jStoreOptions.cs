using System.Data.Common;

namespace KnowledgeGraph.Store.Neo4j;

/// <summary>
/// Where the Neo4j store lives and how to reach it, parsed from <c>ConnectionStrings:neo4j</c>:
/// <c>Endpoint=https://host:7473;Database=neo4j;Username=neo4j;Password=...</c>, or <c>Token=...</c>
/// for bearer auth (Aura, SSO); optional <c>Timeout=</c> (seconds, or a TimeSpan such as 00:00:30)
/// per request and, sent as <c>maxExecutionTime</c>, per transaction on the server; and <c>MaxRetries=</c>
/// (retries of an idempotent request, an auto-commit read or BEGIN, after a transient failure).
/// </summary>
public sealed record Neo4jStoreOptions
{
    public required Uri Endpoint { get; init; }
    public string Database { get; init; } = "neo4j";
    public string? Username { get; init; }
    public string? Password { get; init; }
    public string? Token { get; init; }
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);
    public int MaxRetries { get; init; } = 3;

    /// <summary>The server-side limit of every transaction, in whole seconds (the Query API's <c>maxExecutionTime</c>).</summary>
    public int MaxExecutionTimeSeconds => (int)Math.Ceiling(Timeout.TotalSeconds);

    /// <summary>Endpoint and database, never credentials: what health checks and logs may show.</summary>
    public string Location => $"{Endpoint.GetLeftPart(UriPartial.Authority)}/db/{Database}";

    public static Neo4jStoreOptions Parse(string connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new FormatException("The Neo4j connection string is empty; expected Endpoint=https://host:7473;Database=neo4j;Username=...;Password=...");

        var builder = new DbConnectionStringBuilder { ConnectionString = connectionString };
        string? Get(params string[] keys)
        {
            foreach (var key in keys)
                if (builder.TryGetValue(key, out var value) && value is string s && s.Length > 0) return s;
            return null;
        }

        var endpointText = Get("Endpoint", "Uri", "Url")
            ?? throw new FormatException("The Neo4j connection string has no Endpoint (for example Endpoint=https://localhost:7473).");
        if (!Uri.TryCreate(endpointText, UriKind.Absolute, out var endpoint) || endpoint.Scheme is not ("http" or "https"))
            throw new FormatException($"The Neo4j Endpoint '{endpointText}' is not an http or https URL; the Query API is served over HTTP (port 7474) or HTTPS (port 7473). Bolt URLs (neo4j://, bolt://) are not supported.");

        var username = Get("Username", "User", "User Id", "UserId");
        var password = Get("Password");
        var token = Get("Token", "BearerToken");
        if (token is not null && username is not null)
            throw new FormatException("The Neo4j connection string sets both Token and Username; use one kind of authentication.");
        if (username is not null && password is null)
            throw new FormatException("The Neo4j connection string sets Username without Password.");

        var database = Get("Database") ?? "neo4j";
        if (database.Any(c => !(char.IsLetterOrDigit(c) || c is '.' or '-' or '_')))
            throw new FormatException($"The Neo4j database name '{database}' has characters a database name cannot have.");

        return new Neo4jStoreOptions
        {
            Endpoint = endpoint,
            Database = database,
            Username = username,
            Password = password,
            Token = token,
            Timeout = ParseTimeout(Get("Timeout")),
            MaxRetries = ParseRetries(Get("MaxRetries")),
        };
    }

    private static TimeSpan ParseTimeout(string? text)
    {
        if (text is null) return TimeSpan.FromSeconds(30);
        if (double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds > 0)
            return TimeSpan.FromSeconds(seconds);
        if (TimeSpan.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var span) && span > TimeSpan.Zero)
            return span;
        throw new FormatException($"The Neo4j Timeout '{text}' is neither a positive number of seconds nor a TimeSpan.");
    }

    private static int ParseRetries(string? text)
    {
        if (text is null) return 3;
        if (int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var retries) && retries is >= 0 and <= 10) return retries;
        throw new FormatException($"The Neo4j MaxRetries '{text}' must be a whole number from 0 to 10.");
    }
}
