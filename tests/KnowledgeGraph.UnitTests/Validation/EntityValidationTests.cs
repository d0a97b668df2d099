using Google.Protobuf.WellKnownTypes;
using KnowledgeGraph.Domain.Ontology;
using KnowledgeGraph.Domain.Validation;
using KnowledgeGraph.V1;
using Xunit;

namespace KnowledgeGraph.UnitTests.Validation;

public sealed class EntityValidationTests
{
    private static readonly GraphValidator Validator = new(GraphOntology.Default);

    private static Entity Japan() => new()
    {
        Name = "entities/japan",
        Kind = "Country",
        DisplayName = "Japan",
        Aliases = { "Nippon" },
        ExternalIds = { ["iso3166_alpha2"] = "JP", ["wikidata"] = "Q17" },
        Sources = { new Source { Document = "us-japan-rare-earths-framework", Quote = "Japan", Confidence = 0.9 } },
    };

    private static (string Field, string Reason)[] Problems(Entity entity) =>
        Validator.Validate(entity).Select(v => (v.Field, v.Reason)).ToArray();

    [Fact]
    public void A_well_formed_entity_has_no_violations() => Assert.Empty(Validator.Validate(Japan()));

    [Theory]
    [InlineData("entities/Japan")]
    [InlineData("entities/-japan")]
    [InlineData("entities/")]
    [InlineData("countries/japan")]
    [InlineData("entities/japan/x")]
    public void Names_must_be_entities_slash_a_slug(string name)
    {
        var entity = Japan();
        entity.Name = name;
        Assert.Contains(("entity.name", "INVALID_NAME"), Problems(entity));
    }

    [Fact]
    public void Ids_may_be_up_to_63_characters()
    {
        var entity = Japan();
        entity.Name = "entities/" + new string('a', 63);
        Assert.Empty(Problems(entity));
        entity.Name = "entities/" + new string('a', 64);
        Assert.Contains(("entity.name", "INVALID_NAME"), Problems(entity));
    }

    [Fact]
    public void Kind_is_required_and_must_be_in_the_ontology()
    {
        var entity = Japan();
        entity.Kind = "";
        Assert.Contains(("entity.kind", "MISSING_FIELD"), Problems(entity));
        entity.Kind = "Planet";
        Assert.Contains(("entity.kind", "UNKNOWN_KIND"), Problems(entity));
    }

    [Fact]
    public void Display_name_is_required_and_bounded()
    {
        var entity = Japan();
        entity.DisplayName = " ";
        Assert.Contains(("entity.display_name", "MISSING_FIELD"), Problems(entity));
        entity.DisplayName = new string('x', 257);
        Assert.Contains(("entity.display_name", "FIELD_TOO_LONG"), Problems(entity));
    }

    [Fact]
    public void Properties_must_be_declared_by_the_kind_and_typed()
    {
        var entity = Japan();
        entity.Properties["population"] = new PropertyValue { IntegerValue = 124_000_000 };
        Assert.Contains(("entity.properties[population]", "UNKNOWN_PROPERTY"), Problems(entity));

        var project = new Entity { Name = "entities/p", Kind = "Project", DisplayName = "P" };
        project.Properties["capacity_mtpa"] = new PropertyValue { StringValue = "9.6" };
        Assert.Contains(("entity.properties[capacity_mtpa]", "WRONG_PROPERTY_TYPE"), Problems(project));
        project.Properties["capacity_mtpa"] = new PropertyValue { NumberValue = -1 };
        Assert.Contains(("entity.properties[capacity_mtpa]", "PROPERTY_OUT_OF_RANGE"), Problems(project));
        project.Properties["capacity_mtpa"] = new PropertyValue { IntegerValue = 10 };
        Assert.Empty(Problems(project));
    }

    [Fact]
    public void Integer_properties_refuse_fractions_and_timestamps_refuse_strings()
    {
        var agreement = new Entity { Name = "entities/a", Kind = "Agreement", DisplayName = "A" };
        agreement.Properties["term_years"] = new PropertyValue { NumberValue = 20.5 };
        agreement.Properties["signed_on"] = new PropertyValue { StringValue = "2025-10-28" };
        var problems = Problems(agreement);
        Assert.Contains(("entity.properties[term_years]", "WRONG_PROPERTY_TYPE"), problems);
        Assert.Contains(("entity.properties[signed_on]", "WRONG_PROPERTY_TYPE"), problems);

        agreement.Properties["term_years"] = new PropertyValue { IntegerValue = 20 };
        agreement.Properties["signed_on"] = new PropertyValue { TimestampValue = Timestamp.FromDateTime(new DateTime(2025, 10, 28, 0, 0, 0, DateTimeKind.Utc)) };
        Assert.Empty(Problems(agreement));
    }

    [Theory]
    [InlineData("iso3166_alpha2", "jp")]
    [InlineData("iso3166_alpha2", "JPN")]
    [InlineData("wikidata", "17")]
    [InlineData("lei", "JP")]
    public void External_ids_follow_their_scheme_and_the_kind(string scheme, string value)
    {
        var entity = Japan();
        entity.ExternalIds.Clear();
        entity.ExternalIds[scheme] = value;
        Assert.Contains(($"entity.external_ids[{scheme}]", "INVALID_EXTERNAL_ID"), Problems(entity));
    }

    [Fact]
    public void A_valid_lei_is_accepted_for_a_company() =>
        Assert.Null(ExternalIdSchemes.Check(ExternalIdSchemes.Lei, "5493001KJTIIGC8Y1R12"));

    [Theory]
    [InlineData("", "document")]
    [InlineData("ftp://example.org/a", "document")]
    [InlineData("has spaces", "document")]
    public void Sources_need_a_document_id_or_http_url(string document, string field)
    {
        var entity = Japan();
        entity.Sources[0].Document = document;
        Assert.Contains(($"entity.sources[0].{field}", "INVALID_SOURCE"), Problems(entity));
    }

    [Fact]
    public void Source_urls_and_confidence_are_checked()
    {
        var entity = Japan();
        entity.Sources.Add(new Source { Document = "https://www.whitehouse.gov/", Confidence = 1 });
        Assert.Empty(Problems(entity));
        entity.Sources[1].Confidence = 1.5;
        Assert.Contains(("entity.sources[1].confidence", "INVALID_SOURCE"), Problems(entity));
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var entity = new Entity { Name = "bad", Kind = "Planet" };
        var fields = Problems(entity).Select(p => p.Field).ToHashSet();
        Assert.Superset(new HashSet<string> { "entity.name", "entity.kind", "entity.display_name" }, fields);
    }
}
