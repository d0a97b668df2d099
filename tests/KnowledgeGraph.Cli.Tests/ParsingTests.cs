using KnowledgeGraph.Cli;
using KnowledgeGraph.Cli.Export;
using KnowledgeGraph.Cli.Import;
using KnowledgeGraph.V1;

namespace KnowledgeGraph.Cli.Tests;

/// <summary>The CLI's own parsing and escaping, without services.</summary>
public sealed class ParsingTests
{
    [Fact]
    public void Csv_handles_quotes_doubled_quotes_embedded_commas_and_line_breaks()
    {
        var records = CsvRecords.Read(new StringReader("a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\n\n1,,3")).ToList();
        Assert.Equal(3, records.Count);
        Assert.Equal(["x, y", "say \"hi\"", "two\nlines"], records[1].Fields);
        Assert.Equal(2, records[1].Line);
        Assert.Equal(["1", "", "3"], records[2].Fields);
        Assert.Equal(5, records[2].Line);
    }

    [Fact]
    public void Csv_with_an_unclosed_quote_is_rejected()
    {
        var error = Assert.Throws<CsvFormatException>(() => CsvRecords.Read(new StringReader("a\n1\n\"open")).ToList());
        Assert.Equal(3, error.Line);
    }

    [Fact]
    public void Csv_with_a_column_named_twice_is_rejected()
    {
        var error = Assert.Throws<CsvFormatException>(() => CsvRecords.Read(new StringReader("id,kind,id\nx,Country,y")).ToList());
        Assert.Equal(1, error.Line);
    }

    [Theory]
    [InlineData("true", PropertyValue.ValueOneofCase.BoolValue)]
    [InlineData("20", PropertyValue.ValueOneofCase.IntegerValue)]
    [InlineData("0.09", PropertyValue.ValueOneofCase.NumberValue)]
    [InlineData("5.5e11", PropertyValue.ValueOneofCase.NumberValue)]
    [InlineData("2030-01-01", PropertyValue.ValueOneofCase.TimestampValue)]
    [InlineData("preliminary", PropertyValue.ValueOneofCase.StringValue)]
    public void Csv_property_types_are_inferred(string cell, PropertyValue.ValueOneofCase expected)
    {
        Assert.Equal(expected, CsvValues.Parse(cell, null).ValueCase);
    }

    [Fact]
    public void A_typed_csv_header_overrides_inference()
    {
        Assert.Equal("2030", CsvValues.Parse("2030", "string").StringValue);
        Assert.Equal(1.0, CsvValues.Parse("1", "number").NumberValue);
        Assert.Throws<FormatException>(() => CsvValues.Parse("x", "colour"));
    }

    [Fact]
    public void Bare_ids_become_entity_names()
    {
        Assert.Equal("entities/japan", Names.Entity("japan"));
        Assert.Equal("entities/japan", Names.Entity("entities/japan"));
        Assert.Equal("relationships/x", Names.Entity("relationships/x"));
    }

    [Fact]
    public void Cypher_literals_and_identifiers_are_escaped()
    {
        Assert.Equal(@"'Tokyo’s \'palace\'\n\\'", CypherWriter.Literal("Tokyo’s 'palace'\n\\"));
        Assert.Equal("SUPPLIES", CypherWriter.Identifier("SUPPLIES"));
        Assert.Equal("`odd key`", CypherWriter.Identifier("odd key"));
        Assert.Equal("`a``b`", CypherWriter.Identifier("a`b"));
    }

    [Fact]
    public void A_cypher_relationship_carries_its_properties_validity_and_sources()
    {
        var relationship = new Relationship
        {
            Name = "relationships/r", Type = "SUPPLIES", Source = "entities/a", Target = "entities/b",
            ValidTo = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTime(new DateTime(2033, 1, 1, 0, 0, 0, DateTimeKind.Utc)),
        };
        relationship.Properties["share"] = new PropertyValue { NumberValue = 1 };
        relationship.Properties["term_years"] = new PropertyValue { IntegerValue = 20 };
        relationship.Sources.Add(new Source { Document = "doc", Quote = "It's so.", ReportedBy = "Eurasia Group", Confidence = 0.5 });

        var statement = CypherWriter.Relationship(relationship);

        Assert.Equal(
            "MATCH (s:Entity {name: 'entities/a'}) MATCH (t:Entity {name: 'entities/b'}) MERGE (s)-[r:SUPPLIES {name: 'relationships/r'}]->(t) " +
            "SET r = {name: 'relationships/r', share: 1.0, term_years: 20, validTo: datetime('2033-01-01T00:00:00Z'), " +
            "sourceDocuments: ['doc'], sourceQuotes: ['It\\'s so.'], sourceReportedBy: ['Eurasia Group'], sourceConfidences: [0.5]};",
            statement);
    }
}
