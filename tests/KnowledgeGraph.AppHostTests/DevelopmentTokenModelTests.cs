using Aspire.Hosting.ApplicationModel;
using KnowledgeGraph.AppHost;

namespace KnowledgeGraph.AppHostTests;

/// <summary>How the AppHost wires development tokens, read from its model without starting it.</summary>
public sealed class DevelopmentTokenModelTests
{
    [Fact]
    public async Task The_signing_key_is_a_secret_parameter_with_a_generated_default()
    {
        var (model, builder) = await AppModel.BuildAsync("--Parameters:data-path=/tmp/kg-model-test");
        await using var _ = builder;
        var key = (ParameterResource)model.Resources.Single(r => r.Name == DevelopmentTokens.SigningKeyParameter);
        Assert.True(key.Secret);
        // Generated on the first run (then kept in the AppHost's user secrets by Aspire), so a fresh clone needs no step.
        Assert.NotNull(key.Default);
    }

    [Fact]
    public void A_generated_signing_key_is_base64_for_at_least_32_bytes_as_the_services_need()
    {
        var keys = Enumerable.Range(0, 20).Select(_ => DevelopmentTokens.SigningKeyDefault.GetDefaultValue()).ToList();
        Assert.All(keys, key => Assert.True(Convert.FromBase64String(key).Length >= 32, key));
        Assert.Equal(keys.Count, keys.Distinct().Count());
    }

    [Fact]
    public async Task Every_service_gets_the_key_issuer_and_audience_through_the_standard_bearer_configuration()
    {
        var (model, builder) = await AppModel.BuildAsync("--Parameters:data-path=/tmp/kg-model-test");
        await using var _ = builder;
        foreach (var service in new[] { "entities", "relationships", "queries" })
        {
            var environment = await AppModel.EnvironmentOfAsync(model, service);
            Assert.Equal("{kg-signing-key.value}", environment["Authentication__Schemes__Bearer__SigningKeys__0__Value"]);
            Assert.Equal(DevelopmentTokens.Issuer, environment["Authentication__Schemes__Bearer__SigningKeys__0__Issuer"]);
            Assert.Equal(DevelopmentTokens.Issuer, environment["Authentication__Schemes__Bearer__ValidIssuer"]);
            Assert.Equal(DevelopmentTokens.Audience, environment["Authentication__Schemes__Bearer__ValidAudiences__0"]);
            Assert.Equal(builder.Environment.EnvironmentName, environment["ASPNETCORE_ENVIRONMENT"]);
        }
    }
}
