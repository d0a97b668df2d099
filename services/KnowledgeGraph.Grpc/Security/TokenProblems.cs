using Microsoft.AspNetCore.Authentication;
using Microsoft.IdentityModel.Tokens;

namespace KnowledgeGraph.Grpc.Security;

/// <summary>Says why a bearer token was not accepted: the ErrorInfo reason and a message a caller can act on.</summary>
public static class TokenProblems
{
    public static (string Reason, string Message) Of(AuthenticateResult result) => result.Failure switch
    {
        null => (AccessErrors.MissingToken, "This call needs a bearer token: send 'authorization: Bearer <token>'."),
        SecurityTokenExpiredException => (AccessErrors.TokenExpired, "The bearer token has expired."),
        SecurityTokenNotYetValidException => (AccessErrors.InvalidToken, "The bearer token is not valid yet."),
        SecurityTokenInvalidAudienceException => (AccessErrors.InvalidToken, "The bearer token was issued for another audience."),
        SecurityTokenInvalidIssuerException => (AccessErrors.InvalidToken, "The bearer token comes from an issuer this service does not trust."),
        SecurityTokenInvalidSignatureException => (AccessErrors.InvalidToken, "The bearer token is not signed by a key this service trusts."),
        _ => (AccessErrors.InvalidToken, "The bearer token is not valid."),
    };
}
