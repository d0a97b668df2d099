using Grpc.Core;
using KnowledgeGraph.FunctionalTests.Infrastructure;
using KnowledgeGraph.FunctionalTests.Seed;
using KnowledgeGraph.Protocol;
using KnowledgeGraph.V1;
using static KnowledgeGraph.FunctionalTests.Article.JapanGasQuestion;

namespace KnowledgeGraph.FunctionalTests.Article;

/// <summary>What-if questions the API refuses, with the AIP-193 details a client needs to correct them (QueryRequests.Exclude).</summary>
[Collection(SeedGraphCollection.Name)]
public sealed class ExclusionValidationTests(SeedGraphFixture seed)
{
    private QueryService.QueryServiceClient Queries => seed.Services.Queries;

    [Fact]
    public async Task More_than_the_limit_of_exclusions_is_out_of_range()
    {
        var names = Enumerable.Range(0, Limits.MaxExclusions + 1).Select(i => $"entities/e{i}").ToArray();

        var failure = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, "OUT_OF_RANGE", () => Queries.TraceDependenciesAsync(Trace(names), seed.AfterImport));

        Assert.Equal(["exclude"], failure.ViolatedFields);
        Assert.Contains($"at most {Limits.MaxExclusions}", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_name_is_refused_at_its_index()
    {
        var failure = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, "INVALID_NAME",
            () => Queries.TraceDependenciesAsync(Trace("entities/russia", "Russia"), seed.AfterImport));

        Assert.Equal(["exclude[1]"], failure.ViolatedFields);
    }

    [Fact]
    public async Task The_root_cannot_be_excluded()
    {
        var failure = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, "INVALID_REFERENCE",
            () => Queries.TraceDependenciesAsync(Trace(Japan), seed.AfterImport));

        Assert.Equal(["exclude[0]"], failure.ViolatedFields);
    }

    [Theory]
    [InlineData("entities/atlantis")]
    [InlineData("relationships/atlantis-supplies-japan")]
    public async Task A_name_that_does_not_exist_is_not_found(string name)
    {
        var failure = await RpcAssert.FailsAsync(StatusCode.NotFound, "NOT_FOUND",
            () => Queries.TraceDependenciesAsync(Trace("entities/russia", name), seed.AfterImport));

        Assert.Equal(name, failure.ResourceInfo!.ResourceName);
    }

    [Fact]
    public async Task Find_paths_checks_its_exclusions_the_same_way()
    {
        var request = new FindPathsRequest { Source = Japan, Target = "entities/russia", Exclude = { "entities/russia" } };

        var failure = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, "INVALID_REFERENCE", () => Queries.FindPathsAsync(request, seed.AfterImport));

        Assert.Equal(["exclude[0]"], failure.ViolatedFields);
    }
}
