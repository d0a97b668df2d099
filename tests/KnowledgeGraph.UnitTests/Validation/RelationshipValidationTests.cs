using Google.Protobuf.WellKnownTypes;
using KnowledgeGraph.Domain.Errors;
using KnowledgeGraph.Domain.Ontology;
using KnowledgeGraph.Domain.Validation;
using KnowledgeGraph.V1;
using Xunit;

namespace KnowledgeGraph.UnitTests.Validation;

public sealed class RelationshipValidationTests
{
    private static readonly GraphValidator Validator = new(GraphOntology.Default);

    private static Relationship Supplies(double share) => new()
    {
        Name = "relationships/sakhalin-2-supplies-japan",
        Type = "SUPPLIES",
        Source = "entities/sakhalin-2",
        Target = "entities/japan",
        Properties = { ["share"] = new PropertyValue { NumberValue = share }, ["commodity"] = new PropertyValue { StringValue = "entities/natural-gas" } },
        ValidTo = Timestamp.FromDateTime(new DateTime(2033, 1, 1, 0, 0, 0, DateTimeKind.Utc)),
    };

    private static (string Field, string Reason)[] Problems(Relationship relationship) =>
        Validator.Validate(relationship).Select(v => (v.Field, v.Reason)).ToArray();

    [Fact]
    public void A_well_formed_relationship_has_no_violations() => Assert.Empty(Problems(Supplies(0.09)));

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.1)]
    [InlineData(1.0001)]
    [InlineData(double.NaN)]
    public void Share_lies_in_zero_exclusive_to_one_inclusive(double share) =>
        Assert.Contains(("relationship.properties[share]", "PROPERTY_OUT_OF_RANGE"), Problems(Supplies(share)));

    [Fact]
    public void Share_of_exactly_one_is_allowed() => Assert.Empty(Problems(Supplies(1.0)));

    // Found by the fuzz tests: such a validity was stored, and then could not be compared, projected or written as JSON.
    [Theory]
    [InlineData(long.MaxValue, 0)]
    [InlineData(-62135596801, 0)]
    [InlineData(253402300800, 0)]
    [InlineData(0, -1)]
    [InlineData(0, 1_000_000_000)]
    public void Validity_bounds_must_be_real_instants(long seconds, int nanos)
    {
        var from = Supplies(0.5);
        from.ValidFrom = new Timestamp { Seconds = seconds, Nanos = nanos };
        Assert.Contains(("relationship.valid_from", ErrorReasons.InvalidValidity), Problems(from));
        var to = Supplies(0.5);
        to.ValidTo = new Timestamp { Seconds = seconds, Nanos = nanos };
        Assert.Contains(("relationship.valid_to", ErrorReasons.InvalidValidity), Problems(to));
    }

    [Fact]
    public void The_first_and_last_instants_a_timestamp_holds_are_valid_bounds()
    {
        var relationship = Supplies(0.5);
        relationship.ValidFrom = new Timestamp { Seconds = -62135596800 };
        relationship.ValidTo = new Timestamp { Seconds = 253402300799, Nanos = 999_999_999 };
        Assert.Empty(Problems(relationship));
    }

    [Fact]
    public void A_timestamp_property_must_be_a_real_instant()
    {
        var signed = new Relationship
        {
            Name = "relationships/signed", Type = "SIGNED", Source = "entities/a", Target = "entities/b",
            Properties = { ["signed_on"] = new PropertyValue { TimestampValue = new Timestamp { Seconds = long.MinValue } } },
        };
        Assert.Contains(("relationship.properties[signed_on]", ErrorReasons.PropertyOutOfRange), Problems(signed));
    }

    [Fact]
    public void A_dependency_stated_without_its_share_is_valid()
    {
        var relationship = Supplies(0.5);
        relationship.Properties.Remove("share");
        Assert.Empty(Problems(relationship));
        Assert.Null(GraphOntology.Default.DependencyWeight(relationship));
    }

    [Fact]
    public void A_property_the_ontology_requires_must_be_present()
    {
        var ontology = GraphOntology.Parse("""
            {"entityKinds":[{"name":"Country"},{"name":"Project"}],
             "relationshipTypes":[{"name":"SUPPLIES","sourceKinds":["Project"],"targetKinds":["Country"],
               "properties":[{"name":"share","type":"NUMBER","required":true}],
               "dependency":{"direction":"TARGET_DEPENDS_ON_SOURCE","weightProperty":"share"}}]}
            """);
        var relationship = Supplies(0.5);
        relationship.Properties.Remove("share");
        relationship.Properties.Remove("commodity");

        var problems = new GraphValidator(ontology).Validate(relationship).Select(v => (v.Field, v.Reason));

        Assert.Contains(("relationship.properties[share]", "MISSING_FIELD"), problems);
    }

    [Fact]
    public void Reference_properties_must_name_an_entity()
    {
        var relationship = Supplies(0.5);
        relationship.Properties["commodity"] = new PropertyValue { StringValue = "natural gas" };
        Assert.Contains(("relationship.properties[commodity]", "INVALID_REFERENCE"), Problems(relationship));
    }

    [Fact]
    public void Type_must_be_known_and_endpoints_must_be_entity_names()
    {
        var relationship = Supplies(0.5);
        relationship.Type = "LOVES";
        relationship.Source = "japan";
        var problems = Problems(relationship);
        Assert.Contains(("relationship.type", "UNKNOWN_RELATIONSHIP_TYPE"), problems);
        Assert.Contains(("relationship.source", "INVALID_NAME"), problems);
    }

    [Fact]
    public void Valid_from_must_be_before_valid_to()
    {
        var relationship = Supplies(0.5);
        relationship.ValidFrom = relationship.ValidTo;
        Assert.Contains(("relationship.valid_to", "INVALID_VALIDITY"), Problems(relationship));
    }

    [Fact]
    public void Endpoint_kinds_are_checked_against_the_type()
    {
        var relationship = Supplies(0.5);
        Assert.Null(Validator.EndpointKindViolation(relationship, "Project", "Country"));
        var error = Validator.EndpointKindViolation(relationship, "Person", "Commodity");
        Assert.NotNull(error);
        Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
        Assert.Equal(["relationship.source", "relationship.target"], error.Violations.Select(v => v.Field));
        Assert.All(error.Violations, v => Assert.Equal(ErrorReasons.WrongEndpointKind, v.Reason));
    }
}
