using KnowledgeGraph.Domain.Ontology;
using KnowledgeGraph.Store.Neo4j.Cypher;
using Xunit;

namespace KnowledgeGraph.Store.Neo4j.Tests.Explain;

/// <summary>The EXPLAIN check runs only in CI; here it is at least known to have a value for every parameter it will bind.</summary>
public sealed class SampleParametersTests
{
    [Fact]
    public void Every_declared_parameter_has_a_sample_value_for_the_explain_check()
    {
        foreach (var statement in Statements.All(GraphOntology.Default))
            statement.Bind([.. statement.Parameters.Select(p => (p, SampleParameters.For(p)))]);
    }
}
