using KnowledgeGraph.Domain.Ontology;
using KnowledgeGraph.Store.Neo4j.Cypher;
using KnowledgeGraph.Store.Neo4j.Http;
using KnowledgeGraph.Store.Neo4j.Tests.Conformance;
using Xunit;
using Xunit.Abstractions;

namespace KnowledgeGraph.Store.Neo4j.Tests.Explain;

/// <summary>
/// Against a real server (NEO4J_URI), every declared statement is sent as <c>EXPLAIN &lt;statement&gt;</c>
/// with representative parameters, and the plan the Query API returns under <c>queryPlan</c>
/// (profile-query.adoc, "The EXPLAIN keyword") must have no AllNodesScan and no CartesianProduct.
/// The schema statements are left out: they are DDL, with no plan over data; they create the indexes
/// the others are planned on.
/// </summary>
public sealed class ExplainPlanTests(ITestOutputHelper output) : IDisposable
{
    private static readonly string[] Forbidden = ["AllNodesScan", "CartesianProduct"];
    private readonly HttpClient _http = new() { Timeout = Timeout.InfiniteTimeSpan };

    [SkippableFact]
    public async Task No_statement_scans_all_nodes_or_builds_a_cartesian_product()
    {
        Skip.If(RealServer.SkipReason is not null, RealServer.SkipReason);
        var ontology = GraphOntology.Default;
        var store = new Neo4jGraphStore(RealServer.Options(), _http, ontology);
        await store.InitializeAsync(CancellationToken.None);
        var transport = new QueryApiTransport(_http, RealServer.Options());
        var schema = SchemaStatements.All(ontology).Select(s => s.Name).ToHashSet(StringComparer.Ordinal);

        var offenders = new List<string>();
        foreach (var statement in Statements.All(ontology).Where(s => !schema.Contains(s.Name)))
        {
            var explain = new CypherStatement(statement.Name, "EXPLAIN " + statement.Text, statement.Parameters);
            var result = await transport.WriteAsync(explain.Bind([.. statement.Parameters.Select(p => (p, SampleParameters.For(p)))]), CancellationToken.None);
            var plan = result.Plan ?? throw new InvalidDataException($"{statement.Name}: the EXPLAIN answer has no queryPlan.");
            var operators = plan.Operators().Select(o => o.Operator).ToList();
            output.WriteLine($"{statement.Name}: {string.Join(" < ", operators)}");
            var bad = operators.Intersect(Forbidden, StringComparer.Ordinal).ToList();
            if (bad.Count > 0) offenders.Add($"{statement.Name}: {string.Join(", ", bad)}");
        }

        Assert.True(offenders.Count == 0, "Statements with forbidden operators:\n" + string.Join("\n", offenders));
    }

    public void Dispose() => _http.Dispose();
}
