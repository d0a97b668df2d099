using System.CommandLine;

namespace KnowledgeGraph.Cli;

/// <summary>Options every command takes (declared once on the root command, recursive).</summary>
public sealed class GlobalOptions
{
    public Option<string?> EntitiesUrl { get; } = new("--entities-url")
    {
        Description = $"Entities service gRPC URL (env {Endpoints.EntitiesVariable}; default {Endpoints.DefaultEntities})",
        Recursive = true,
    };

    public Option<string?> RelationshipsUrl { get; } = new("--relationships-url")
    {
        Description = $"Relationships service gRPC URL (env {Endpoints.RelationshipsVariable}; default {Endpoints.DefaultRelationships})",
        Recursive = true,
    };

    public Option<string?> QueriesUrl { get; } = new("--queries-url")
    {
        Description = $"Queries service gRPC URL (env {Endpoints.QueriesVariable}; default {Endpoints.DefaultQueries})",
        Recursive = true,
    };

    public Option<string?> Token { get; } = new("--token")
    {
        Description = $"Bearer token (JWT) sent with every call (env {BearerToken.Variable}); the AppHost dashboard's 'kg token' command shows one",
        Recursive = true,
    };

    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Write machine-readable JSON (proto3 JSON for API messages) instead of tables",
        Recursive = true,
    };

    public Option<string?> ConsistencyToken { get; } = new("--consistency-token")
    {
        Description = "Read at least the writes this token (printed by `kg import --json`) stands for",
        Recursive = true,
    };

    public Option<int> Timeout { get; } = new("--timeout")
    {
        Description = "Seconds to wait for each call (an import gets at least 600)",
        DefaultValueFactory = _ => 30,
        Recursive = true,
    };

    public void AddTo(Command root)
    {
        root.Add(EntitiesUrl);
        root.Add(RelationshipsUrl);
        root.Add(QueriesUrl);
        root.Add(Token);
        root.Add(Json);
        root.Add(ConsistencyToken);
        root.Add(Timeout);
    }
}
