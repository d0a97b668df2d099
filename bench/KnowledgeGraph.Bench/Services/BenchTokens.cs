using System.Security.Cryptography;
using KnowledgeGraph.Grpc.Security;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace KnowledgeGraph.Bench.Services;

/// <summary>
/// The benchmark's own token issuer, as the AppHost's development tokens work (SECURITY.md): a signing
/// key made for this run, the standard JwtBearer settings that make the services trust it, and one
/// token with every scope for <c>kg</c> and the gRPC clients.
/// </summary>
public sealed class BenchTokens
{
    public const string Issuer = "kg-bench";
    public const string Audience = "knowledge-graph";

    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);

    public string Token { get; }

    public BenchTokens()
    {
        Token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Claims = new Dictionary<string, object> { ["sub"] = "kg-bench", ["scope"] = $"{Scopes.Read} {Scopes.Write} {Scopes.Admin}" },
            Expires = DateTime.UtcNow.AddHours(12),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(_key), SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>Environment variables (the configuration keys of <see cref="BearerConfiguration.Section"/>) for a service process.</summary>
    public IReadOnlyDictionary<string, string> ServiceEnvironment
    {
        get
        {
            var section = BearerConfiguration.Section.Replace(":", "__");
            return new Dictionary<string, string>
            {
                [$"{section}__ValidIssuer"] = Issuer,
                [$"{section}__ValidAudiences__0"] = Audience,
                [$"{section}__SigningKeys__0__Issuer"] = Issuer,
                [$"{section}__SigningKeys__0__Value"] = Convert.ToBase64String(_key),
            };
        }
    }
}
