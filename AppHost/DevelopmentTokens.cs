using Aspire.Hosting.ApplicationModel;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace KnowledgeGraph.AppHost;

/// <summary>
/// The AppHost's development token issuer: the secret parameter <c>kg-signing-key</c> (generated on
/// the first run and kept in the AppHost's user secrets, never in the repository), the issuer and
/// audience the services are told to trust, and HS256 tokens signed with that key.
/// </summary>
internal sealed class DevelopmentTokens(IResourceBuilder<ParameterResource> signingKey)
{
    public const string SigningKeyParameter = "kg-signing-key";
    public const string Issuer = "kg-apphost-development";
    public const string Audience = "knowledge-graph";

    /// <summary>What the seeding resource may do: import (which includes reading).</summary>
    public const string SeedScopes = "graph.write";

    /// <summary>What the explorer may do: read, nothing else.</summary>
    public const string ExplorerScopes = "graph.read";

    /// <summary>What the developer at the dashboard may do: everything, forced deletes included.</summary>
    public const string DeveloperScopes = "graph.read graph.write graph.admin";

    /// <summary>
    /// How a missing key is generated: 64 letters and digits, which are also valid base64 for 48
    /// random bytes, above HS256's 32-byte minimum.
    /// </summary>
    public static GenerateParameterDefault SigningKeyDefault => new() { MinLength = 64, Special = false };

    /// <summary>The key, base64 as <c>Authentication:Schemes:Bearer:SigningKeys:0:Value</c> expects it.</summary>
    public IResourceBuilder<ParameterResource> SigningKey { get; } = signingKey;

    public async Task<string> MintAsync(string subject, string scopes, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        var key = await SigningKey.Resource.GetValueAsync(cancellationToken)
            ?? throw new InvalidOperationException($"The parameter {SigningKeyParameter} has no value.");
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Claims = new Dictionary<string, object> { ["sub"] = subject, ["scope"] = scopes },
            Expires = DateTime.UtcNow + lifetime,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Convert.FromBase64String(key)), SecurityAlgorithms.HmacSha256),
        });
    }
}
