using Aspire.Hosting.ApplicationModel;

namespace KnowledgeGraph.AppHost;

/// <summary>Development tokens in the application model: who trusts them, who gets one, where a developer finds one.</summary>
internal static class AccessResourceExtensions
{
    private const string Bearer = "Authentication__Schemes__Bearer__";
    private const string TokenVariable = "KG_TOKEN";
    private static readonly TimeSpan SeedTokenLifetime = TimeSpan.FromHours(1);
    private static readonly TimeSpan DeveloperTokenLifetime = TimeSpan.FromHours(12);

    public static DevelopmentTokens AddDevelopmentTokens(this IDistributedApplicationBuilder builder)
    {
        var signingKey = builder.AddParameter(DevelopmentTokens.SigningKeyParameter, DevelopmentTokens.SigningKeyDefault, secret: true, persist: true);
        return new DevelopmentTokens(signingKey);
    }

    /// <summary>The service trusts the development tokens, through the standard JwtBearer configuration keys.</summary>
    public static IResourceBuilder<ProjectResource> WithDevelopmentTokenTrust(this IResourceBuilder<ProjectResource> service, DevelopmentTokens tokens) =>
        service
            .WithEnvironment($"{Bearer}ValidIssuer", DevelopmentTokens.Issuer)
            .WithEnvironment($"{Bearer}ValidAudiences__0", DevelopmentTokens.Audience)
            .WithEnvironment($"{Bearer}SigningKeys__0__Issuer", DevelopmentTokens.Issuer)
            .WithEnvironment($"{Bearer}SigningKeys__0__Value", tokens.SigningKey);

    /// <summary>
    /// A client resource gets a fresh token each time it starts: a <c>kg</c> resource in <c>KG_TOKEN</c>,
    /// valid an hour, unless another <paramref name="variable"/> and <paramref name="lifetime"/> are given.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithDevelopmentToken(
        this IResourceBuilder<ProjectResource> client, DevelopmentTokens tokens, string scopes, string variable = TokenVariable, TimeSpan? lifetime = null) =>
        client.WithEnvironment(async context =>
        {
            if (context.ExecutionContext.IsRunMode)
                context.EnvironmentVariables[variable] = await tokens.MintAsync(client.Resource.Name, scopes, lifetime ?? SeedTokenLifetime, context.CancellationToken);
        });

    /// <summary>A dashboard command that shows a developer token for kg, curl and grpcurl.</summary>
    public static IResourceBuilder<ProjectResource> WithTokenCommand(this IResourceBuilder<ProjectResource> service, DevelopmentTokens tokens) =>
        service.WithCommand("kg-token", "kg token", async context =>
        {
            var token = await tokens.MintAsync("developer", DevelopmentTokens.DeveloperScopes, DeveloperTokenLifetime, context.CancellationToken);
            return CommandResults.Success(
                $"A token with {DevelopmentTokens.DeveloperScopes}, valid {DeveloperTokenLifetime.TotalHours:0} hours: export {TokenVariable}=<token> for kg, " +
                "or send 'authorization: Bearer <token>' with curl or grpcurl.",
                token, CommandResultFormat.Text, displayImmediately: true);
        }, new CommandOptions { Description = "Show a bearer token for kg, curl and grpcurl", IconName = "Key" });
}
