using KnowledgeGraph.Domain.Ontology;
using KnowledgeGraph.Store.Neo4j.Http;

namespace KnowledgeGraph.Store.Neo4j.Tests.Contract;

/// <summary>A store and transport wired to a <see cref="FakeQueryApi"/>, with retries that do not sleep (the delays are recorded).</summary>
internal sealed class Fixture
{
    public FakeQueryApi Api { get; } = new();
    public List<TimeSpan> Delays { get; } = [];
    public Neo4jStoreOptions Options { get; }
    public QueryApiTransport Transport { get; }
    public Neo4jGraphStore Store { get; }

    public Fixture(string connectionString = "Endpoint=https://graph.example:7473;Database=kg;Username=neo4j;Password=secret;Timeout=12.5")
    {
        Options = Neo4jStoreOptions.Parse(connectionString);
        Transport = new QueryApiTransport(new HttpClient(Api), Options, (delay, _) =>
        {
            Delays.Add(delay);
            return Task.CompletedTask;
        });
        Store = new Neo4jGraphStore(Transport, GraphOntology.Default);
    }

    public static CancellationToken None => CancellationToken.None;
}
