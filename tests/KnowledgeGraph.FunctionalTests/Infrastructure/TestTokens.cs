using System.Security.Cryptography;
using KnowledgeGraph.Grpc.Security;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace KnowledgeGraph.FunctionalTests.Infrastructure;

/// <summary>
/// The tests' own token issuer: a signing key made for this test run, the configuration that
/// makes the services trust it, and tokens minted with it (or, to be refused, with something wrong).
/// </summary>
public static class TestTokens
{
    public const string Issuer = "https://tests.knowledge-graph.invalid";
    public const string Audience = "knowledge-graph";

    public static byte[] SigningKey { get; } = RandomNumberGenerator.GetBytes(32);

    /// <summary>Every scope: what the tests' default clients carry.</summary>
    public static string All { get; } = Mint(Scopes.Admin);

    /// <summary>The standard JwtBearer configuration a service needs to trust these tokens.</summary>
    public static IReadOnlyDictionary<string, string> ServiceSettings { get; } = new Dictionary<string, string>
    {
        [$"{BearerConfiguration.Section}:ValidIssuer"] = Issuer,
        [$"{BearerConfiguration.Section}:ValidAudiences:0"] = Audience,
        [$"{BearerConfiguration.Section}:SigningKeys:0:Issuer"] = Issuer,
        [$"{BearerConfiguration.Section}:SigningKeys:0:Value"] = Convert.ToBase64String(SigningKey),
    };

    /// <param name="scopes">Space-separated, as the <paramref name="claim"/> carries them.</param>
    /// <param name="claim"><c>scope</c> (OAuth), or <c>scp</c> as Entra ID sends it.</param>
    public static string Mint(
        string scopes, TimeSpan? lifetime = null, byte[]? key = null, string issuer = Issuer, string audience = Audience, string claim = "scope")
    {
        var expires = DateTime.UtcNow + (lifetime ?? TimeSpan.FromHours(1));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Claims = new Dictionary<string, object> { ["sub"] = "functional-tests", [claim] = scopes },
            NotBefore = expires.AddHours(-2),
            IssuedAt = expires.AddHours(-2),
            Expires = expires,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(key ?? SigningKey), SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>A token that expired ten minutes ago, beyond the validator's five-minute clock skew.</summary>
    public static string Expired(string scopes) => Mint(scopes, lifetime: TimeSpan.FromMinutes(-10));
}
