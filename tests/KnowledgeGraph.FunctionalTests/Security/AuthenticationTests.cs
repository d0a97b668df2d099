using System.Net;
using System.Security.Cryptography;
using Grpc.Core;
using KnowledgeGraph.FunctionalTests.Infrastructure;
using KnowledgeGraph.Grpc.Security;

namespace KnowledgeGraph.FunctionalTests.Security;

/// <summary>A call without a usable token is UNAUTHENTICATED, with ErrorInfo, on every service, over gRPC and JSON.</summary>
[Collection(ServicesCollection.Name)]
public sealed class AuthenticationTests(SharedServices shared)
{
    public static TheoryData<string, string> Problems()
    {
        var cases = new TheoryData<string, string>();
        foreach (var service in ServiceUnderTest.All)
            foreach (var problem in new[] { "no token", "expired", "signed by another key", "for another audience", "from another issuer", "not a JWT" })
                cases.Add(service, problem);
        return cases;
    }

    [Theory]
    [MemberData(nameof(Problems))]
    public async Task A_call_without_a_usable_token_is_unauthenticated(string name, string problem)
    {
        var (token, reason) = TokenWith(problem);
        var service = ServiceUnderTest.Of(shared.Services, name);

        using var channel = service.Channel(token);
        var failure = await RpcAssert.FailsAsync(StatusCode.Unauthenticated, reason, () => service.ReadAsync(channel));
        Assert.Equal(Scopes.Read, failure.ErrorInfo!.Metadata[AccessErrors.RequiredScopeKey]);

        using var http = service.Http(token);
        using var response = await http.GetAsync(service.ReadPath);
        var errorInfo = await RpcAssert.JsonFailsAsync(response, HttpStatusCode.Unauthorized, StatusCode.Unauthenticated, reason);
        Assert.Equal(Scopes.Read, errorInfo.GetProperty("metadata").GetProperty(AccessErrors.RequiredScopeKey).GetString());
        Assert.StartsWith("Bearer", response.Headers.WwwAuthenticate.Single().ToString());
    }

    private static (string? Token, string Reason) TokenWith(string problem) => problem switch
    {
        "no token" => (null, AccessErrors.MissingToken),
        "expired" => (TestTokens.Expired(Scopes.Admin), AccessErrors.TokenExpired),
        "signed by another key" => (TestTokens.Mint(Scopes.Admin, key: RandomNumberGenerator.GetBytes(32)), AccessErrors.InvalidToken),
        "for another audience" => (TestTokens.Mint(Scopes.Admin, audience: "another-api"), AccessErrors.InvalidToken),
        "from another issuer" => (TestTokens.Mint(Scopes.Admin, issuer: "https://elsewhere.invalid"), AccessErrors.InvalidToken),
        "not a JWT" => ("not-a-jwt", AccessErrors.InvalidToken),
        _ => throw new ArgumentOutOfRangeException(nameof(problem), problem, "unknown problem"),
    };
}
