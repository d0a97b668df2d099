using KnowledgeGraph.Domain.Ontology;
using KnowledgeGraph.Store.Neo4j.Cypher;
using Xunit;
using Xunit.Abstractions;

namespace KnowledgeGraph.Store.Neo4j.Tests.Lint;

/// <summary>Every statement the adapter can send passes Neo4j's own parser and semantic analyser, with its parameters declared.</summary>
public sealed class CypherLintTests(ITestOutputHelper output)
{
    private static readonly GraphOntology Ontology = GraphOntology.Default;

    [Fact]
    public void Every_statement_passes_the_linter_with_no_error_and_no_warning()
    {
        var statements = Statements.All(Ontology);
        var findings = CypherLinter.Lint(statements, Ontology);

        output.WriteLine($"{findings.Count} statements linted.");
        Assert.Equal(statements.Count, findings.Count);
        var failing = findings.Where(f => f.Errors > 0 || f.Warnings > 0).Select(f => $"{f.Name}: {f.Diagnostics}").ToList();
        Assert.True(failing.Count == 0, "Statements with diagnostics:\n" + string.Join("\n", failing));
    }

    [Fact]
    public void The_linter_reports_a_broken_statement()
    {
        var broken = new CypherStatement("Broken.Syntax", "MATCH (n:Entity {id: $id}) RETRUN n", "id");
        var undeclared = new CypherStatement("Broken.UndeclaredParameter", "MATCH (n:Entity {id: $id}) RETURN n.name AS name");
        var unknownLabel = new CypherStatement("Broken.UnknownLabel", "MATCH (n:Entiy) RETURN n.name AS name");

        var findings = CypherLinter.Lint([broken, undeclared, unknownLabel], Ontology).ToDictionary(f => f.Name);

        Assert.True(findings["Broken.Syntax"].Errors > 0, findings["Broken.Syntax"].Diagnostics);
        Assert.True(findings["Broken.UndeclaredParameter"].Errors > 0, findings["Broken.UndeclaredParameter"].Diagnostics);
        Assert.True(findings["Broken.UnknownLabel"].Warnings > 0, findings["Broken.UnknownLabel"].Diagnostics);
    }

    [Fact]
    public void Statement_names_are_unique_so_a_finding_names_one_statement()
    {
        var names = Statements.All(Ontology).Select(s => s.Name).ToList();
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Relationship_types_and_labels_in_statements_come_from_the_ontology()
    {
        var creates = RelationshipStatements.Insert(Ontology);
        Assert.Equal(Ontology.TypeNames.Order(StringComparer.Ordinal), creates.Keys.Order(StringComparer.Ordinal));
        foreach (var (type, statement) in creates) Assert.Contains($"[r:{type}]", statement.Text, StringComparison.Ordinal);
        Assert.Throws<InvalidDataException>(() => GraphModel.SafeName("SUPPLIES]->() DETACH DELETE (x"));
    }
}
