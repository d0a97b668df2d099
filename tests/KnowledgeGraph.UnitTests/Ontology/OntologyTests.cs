using KnowledgeGraph.Domain.Ontology;
using KnowledgeGraph.V1;
using Xunit;

namespace KnowledgeGraph.UnitTests.Ontology;

public sealed class OntologyTests
{
    private static readonly GraphOntology Ontology = GraphOntology.Default;

    [Fact]
    public void The_shipped_ontology_has_the_kinds_the_design_names()
    {
        foreach (var kind in new[] { "Country", "Company", "Project", "Agreement", "Commodity", "Person", "Organization", "Event" })
            Assert.NotNull(Ontology.FindKind(kind));
    }

    [Theory]
    [InlineData("SUPPLIES", DependencyDirection.TargetDependsOnSource, "share")]
    [InlineData("DEPENDS_ON", DependencyDirection.SourceDependsOnTarget, "share")]
    [InlineData("IMPORTS_FROM", DependencyDirection.SourceDependsOnTarget, "share")]
    [InlineData("PURCHASES_FROM", DependencyDirection.SourceDependsOnTarget, "share")]
    [InlineData("LOCATED_IN", DependencyDirection.SourceDependsOnTarget, "")]
    [InlineData("PARTY_TO", DependencyDirection.NoDependency, "")]
    public void Each_type_states_its_dependency_meaning(string type, DependencyDirection direction, string weight)
    {
        var meaning = Ontology.FindType(type)!.Dependency;
        Assert.Equal(direction, meaning.Direction);
        Assert.Equal(weight, meaning.WeightProperty);
    }

    [Fact]
    public void Dependency_weight_is_the_weight_property_or_one()
    {
        var supplies = new Relationship { Type = "SUPPLIES", Properties = { ["share"] = new PropertyValue { NumberValue = 0.09 } } };
        Assert.Equal(0.09, Ontology.DependencyWeight(supplies));
        Assert.Equal(1.0, Ontology.DependencyWeight(new Relationship { Type = "LOCATED_IN" }));
        Assert.Null(Ontology.DependencyWeight(new Relationship { Type = "IMPORTS_FROM" }));
    }

    [Fact]
    public void No_weight_property_is_required_so_a_dependency_can_be_stated_without_a_number() =>
        Assert.DoesNotContain(Ontology.DependencyTypes.SelectMany(t => t.Properties), p => p.Name == "share" && p.Required);

    [Fact]
    public void Dependency_types_exclude_those_without_dependency() =>
        Assert.DoesNotContain(Ontology.DependencyTypes, t => t.Name == "SANCTIONS");

    [Theory]
    [InlineData("""{"entityKinds":[{"name":"A"},{"name":"A"}]}""", "defined twice")]
    [InlineData("""{"entityKinds":[{"name":"A"}],"relationshipTypes":[{"name":"R","sourceKinds":["A"],"targetKinds":["B"],"dependency":{"direction":"NO_DEPENDENCY"}}]}""", "unknown kind B")]
    [InlineData("""{"entityKinds":[{"name":"A"}],"relationshipTypes":[{"name":"R","sourceKinds":["A"],"targetKinds":["A"]}]}""", "dependency direction")]
    [InlineData("""{"entityKinds":[{"name":"A"}],"relationshipTypes":[{"name":"R","sourceKinds":["A"],"targetKinds":["A"],"dependency":{"direction":"SOURCE_DEPENDS_ON_TARGET","weightProperty":"share"}}]}""", "must be a NUMBER")]
    [InlineData("""{"entityKinds":[{"name":"A","properties":[{"name":"p"}]}]}""", "has no type")]
    public void An_inconsistent_ontology_is_refused_at_load(string json, string problem)
    {
        var error = Assert.Throws<InvalidDataException>(() => GraphOntology.Parse(json));
        Assert.Contains(problem, error.Message);
    }
}
