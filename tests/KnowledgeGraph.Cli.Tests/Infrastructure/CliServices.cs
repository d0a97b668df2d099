using KnowledgeGraph.Cli;
using KnowledgeGraph.FunctionalTests.Infrastructure;

namespace KnowledgeGraph.Cli.Tests.Infrastructure;

/// <summary>
/// The three services in-process on Kestrel over a fresh SQLite store (the functional tests'
/// fixture), and the environment that points <c>kg</c> at them (KG_*_URL variables) with a
/// token the services trust (KG_TOKEN, every scope).
/// </summary>
public sealed class CliServices : IAsyncDisposable
{
    public KnowledgeGraphServices Services { get; } = new();

    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        [Endpoints.EntitiesVariable] = Services.EntitiesHost.GrpcAddress.ToString(),
        [Endpoints.RelationshipsVariable] = Services.RelationshipsHost.GrpcAddress.ToString(),
        [Endpoints.QueriesVariable] = Services.QueriesHost.GrpcAddress.ToString(),
        [BearerToken.Variable] = TestTokens.All,
    };

    public Task<CliResult> KgAsync(params string[] args) => CliRun.RunAsync(Environment, args);

    public Task<CliResult> KgAsync(int importRowsPerCall, params string[] args) => CliRun.RunAsync(Environment, importRowsPerCall, args);

    public ValueTask DisposeAsync() => Services.DisposeAsync();
}
