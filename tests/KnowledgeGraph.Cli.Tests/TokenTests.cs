using KnowledgeGraph.Cli;
using KnowledgeGraph.FunctionalTests.Infrastructure;
using KnowledgeGraph.Grpc.Security;

namespace KnowledgeGraph.Cli.Tests;

/// <summary><c>kg</c> sends the token from <c>--token</c> or <c>KG_TOKEN</c>, and says clearly when the services refuse it.</summary>
[Collection(SeededCollection.Name)]
public sealed class TokenTests(SeededServices seeded)
{
    private Dictionary<string, string> EnvironmentWithToken(string? token)
    {
        var environment = new Dictionary<string, string>(seeded.Cli.Environment);
        environment.Remove(BearerToken.Variable);
        if (token is not null) environment[BearerToken.Variable] = token;
        return environment;
    }

    [Fact]
    public async Task KG_TOKEN_is_sent_with_every_call()
    {
        var result = await CliRun.RunAsync(EnvironmentWithToken(TestTokens.Mint(Scopes.Read)), "get", "japan");
        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
    }

    [Fact]
    public async Task The_token_option_is_sent_and_wins_over_KG_TOKEN()
    {
        var withOption = await CliRun.RunAsync(EnvironmentWithToken(null), "schema", "--token", TestTokens.Mint(Scopes.Read));
        Assert.True(withOption.ExitCode == ExitCodes.Ok, withOption.ToString());

        var optionOverVariable = await CliRun.RunAsync(EnvironmentWithToken(TestTokens.Expired(Scopes.Read)), "schema", "--token", TestTokens.Mint(Scopes.Read));
        Assert.True(optionOverVariable.ExitCode == ExitCodes.Ok, optionOverVariable.ToString());

        var badOption = await CliRun.RunAsync(EnvironmentWithToken(TestTokens.Mint(Scopes.Read)), "schema", "--token", TestTokens.Expired(Scopes.Read));
        Assert.Equal(ExitCodes.NotAuthorized, badOption.ExitCode);
        Assert.Contains($"({AccessErrors.TokenExpired})", badOption.Error);
    }

    [Fact]
    public async Task Without_a_token_kg_says_how_to_give_one()
    {
        var result = await CliRun.RunAsync(EnvironmentWithToken(null), "search", "japan");
        Assert.Equal(ExitCodes.NotAuthorized, result.ExitCode);
        Assert.StartsWith("error: not authenticated:", result.Error);
        Assert.Contains($"({AccessErrors.MissingToken})", result.Error);
        Assert.Contains("--token or KG_TOKEN", result.Error);
    }

    [Fact]
    public async Task A_read_only_token_cannot_import()
    {
        var result = await CliRun.RunAsync(EnvironmentWithToken(TestTokens.Mint(Scopes.Read)), "import", SeedFiles.Entities);
        Assert.Equal(ExitCodes.NotAuthorized, result.ExitCode);
        Assert.Contains("error: permission denied:", result.Error);
        Assert.Contains($"({AccessErrors.MissingScope})", result.Error);
    }
}
