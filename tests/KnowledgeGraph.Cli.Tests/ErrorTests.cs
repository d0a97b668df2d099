using KnowledgeGraph.Cli;

namespace KnowledgeGraph.Cli.Tests;

/// <summary>Exit codes and one-line messages for not found, bad input, usage errors and a service that is down.</summary>
[Collection(SeededCollection.Name)]
public sealed class ErrorTests(SeededServices seeded)
{
    [Fact]
    public async Task A_missing_entity_is_exit_2_with_a_not_found_line()
    {
        var result = await seeded.Cli.KgAsync("get", "atlantis");
        Assert.Equal(ExitCodes.NotFound, result.ExitCode);
        Assert.StartsWith("error: not found:", result.Error);
        Assert.Contains("entities/atlantis", result.Error);
        Assert.Empty(result.Out);
    }

    [Fact]
    public async Task A_bad_request_is_exit_3_with_the_field_violations()
    {
        var result = await seeded.Cli.KgAsync("list", "entities", "--filter", "colour = \"blue\"");
        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.StartsWith("error: invalid input:", result.Error);
        Assert.Contains("filter", result.Error);
    }

    [Fact]
    public async Task A_service_that_is_down_is_exit_4_naming_the_service()
    {
        var environment = new Dictionary<string, string>(seeded.Cli.Environment) { [Endpoints.EntitiesVariable] = $"http://127.0.0.1:{ClosedPort()}" };
        var result = await CliRun.RunAsync(environment, "get", "japan");
        Assert.Equal(ExitCodes.Unavailable, result.ExitCode);
        Assert.StartsWith("error: service unavailable: cannot reach the Entities service at http://127.0.0.1:", result.Error);
        Assert.Contains("KG_ENTITIES_URL", result.Error);
    }

    [Fact]
    public async Task An_option_overrides_the_environment_variable()
    {
        var result = await seeded.Cli.KgAsync("schema", "--queries-url", $"http://127.0.0.1:{ClosedPort()}");
        Assert.Equal(ExitCodes.Unavailable, result.ExitCode);
        Assert.Contains("the Queries service", result.Error);
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("trace", "japan")]
    [InlineData("trace", "japan", "--upstream", "--downstream")]
    [InlineData("paths", "japan")]
    [InlineData("paths", "japan", "russia", "--as-of", "someday")]
    [InlineData("list", "things")]
    [InlineData("import", "/no/such/file.jsonl")]
    public async Task Usage_errors_are_exit_1(params string[] args)
    {
        var result = await seeded.Cli.KgAsync(args);
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.StartsWith("error: ", result.Error);
    }

    [Fact]
    public async Task Help_documents_the_exit_codes()
    {
        var result = await seeded.Cli.KgAsync("--help");
        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Contains(ExitCodes.HelpText, result.Out);
    }

    private static int ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
