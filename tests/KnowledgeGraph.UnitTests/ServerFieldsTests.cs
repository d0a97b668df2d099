using Google.Protobuf.WellKnownTypes;
using KnowledgeGraph.Domain;
using KnowledgeGraph.Domain.Errors;
using KnowledgeGraph.V1;
using Xunit;

namespace KnowledgeGraph.UnitTests;

public sealed class ServerFieldsTests
{
    private static readonly Timestamp Created = Timestamp.FromDateTime(new DateTime(2025, 10, 28, 0, 0, 0, DateTimeKind.Utc));
    private static readonly Timestamp Now = Timestamp.FromDateTime(new DateTime(2026, 11, 28, 0, 0, 0, DateTimeKind.Utc));

    [Fact]
    public void Without_server_fields_clears_etag_and_times_of_a_copy()
    {
        var stored = new Entity { Name = "entities/japan", Etag = "7", CreateTime = Created, UpdateTime = Now };
        var cleared = stored.WithoutServerFields();
        Assert.Equal(new Entity { Name = "entities/japan" }, cleared);
        Assert.Equal("7", stored.Etag);
    }

    [Fact]
    public void Stamped_sets_a_new_etag_and_keeps_the_replaced_resources_create_time()
    {
        var existing = new Relationship { Name = "relationships/r", Etag = "1", CreateTime = Created, UpdateTime = Created };
        var replaced = new Relationship { Name = "relationships/r", Type = "SUPPLIES" }.Stamped("2", existing, Now);
        Assert.Equal(("2", Created, Now), (replaced.Etag, replaced.CreateTime, replaced.UpdateTime));

        var created = new Relationship { Name = "relationships/new" }.Stamped("3", null, Now);
        Assert.Equal(("3", Now, Now), (created.Etag, created.CreateTime, created.UpdateTime));
    }

    [Theory]
    [InlineData(ErrorKind.InvalidArgument, "INVALID_ARGUMENT")]
    [InlineData(ErrorKind.FailedPrecondition, "FAILED_PRECONDITION")]
    [InlineData(ErrorKind.NotFound, "NOT_FOUND")]
    [InlineData(ErrorKind.Aborted, "ABORTED")]
    [InlineData(ErrorKind.Unavailable, "UNAVAILABLE")]
    public void A_rejected_import_row_carries_the_canonical_code_name(ErrorKind code, string name)
    {
        var summary = new ImportSummary();
        summary.Reject(4, "entities/x", new GraphException(code, "SOME_REASON", "why"));
        Assert.Equal(1, summary.Rejected);
        Assert.Equal(new ImportRowError { Row = 4, Name = "entities/x", Code = name, Reason = "SOME_REASON", Message = "why" }, Assert.Single(summary.Errors));
    }
}
