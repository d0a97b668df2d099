using Entities.Api;
using KnowledgeGraph.FunctionalTests.Infrastructure;
using KnowledgeGraph.Grpc.Hosting;
using KnowledgeGraph.Grpc.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Options;

namespace KnowledgeGraph.FunctionalTests.Security;

/// <summary>A service whose Bearer configuration cannot validate a token refuses to start, saying what is missing.</summary>
public sealed class BearerConfigurationTests
{
    public static TheoryData<string, Dictionary<string, string>> Incomplete => new()
    {
        { "nothing", new() },
        { "a signing key but no audience", new()
            {
                [$"{BearerConfiguration.Section}:ValidIssuer"] = TestTokens.Issuer,
                [$"{BearerConfiguration.Section}:SigningKeys:0:Issuer"] = TestTokens.Issuer,
                [$"{BearerConfiguration.Section}:SigningKeys:0:Value"] = Convert.ToBase64String(TestTokens.SigningKey),
            } },
        { "an audience but no key or authority", new() { [$"{BearerConfiguration.Section}:ValidAudience"] = TestTokens.Audience } },
    };

    [Theory]
    [MemberData(nameof(Incomplete))]
    public async Task A_service_without_a_usable_bearer_configuration_does_not_start(string what, Dictionary<string, string> settings)
    {
        var dataPath = Directory.CreateTempSubdirectory("kg-no-bearer-").FullName;
        await using var factory = new WebApplicationFactory<EntitiesApiMarker>().WithWebHostBuilder(web =>
        {
            web.UseSetting(StoreConfiguration.DataPathKey, dataPath);
            foreach (var (key, value) in settings) web.UseSetting(key, value);
        });

        var error = Assert.Throws<OptionsValidationException>(() => factory.Server);

        Assert.True(error.Message.Contains(BearerConfiguration.Incomplete, StringComparison.Ordinal), $"with {what}: {error.Message}");
    }
}
