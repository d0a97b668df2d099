using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace KnowledgeGraph.Grpc.Security;

/// <summary>
/// Whether <c>Authentication:Schemes:Bearer</c> says enough to validate a token: where the signing
/// keys come from, and which audience a token must be for. Without an audience JwtBearer would
/// accept a token the issuer minted for any other API.
/// </summary>
public static class BearerConfiguration
{
    public const string Section = "Authentication:Schemes:Bearer";

    public const string Incomplete =
        $"{Section} must name an Authority (an OpenID Connect issuer) or SigningKeys (Issuer and base64 Value), " +
        "and a ValidAudience or ValidAudiences. See SECURITY.md.";

    public static bool CanValidateTokens(JwtBearerOptions options)
    {
        var parameters = options.TokenValidationParameters;
        var hasKeys = !string.IsNullOrEmpty(options.Authority) || !string.IsNullOrEmpty(options.MetadataAddress)
            || parameters.IssuerSigningKey is not null || parameters.IssuerSigningKeys?.Any() == true;
        var hasAudience = parameters.ValidateAudience
            && (!string.IsNullOrEmpty(parameters.ValidAudience) || parameters.ValidAudiences?.Any() == true);
        return hasKeys && hasAudience;
    }
}
